//! A bounds-checked cursor over a byte slice; every read returns a [`DecodeError`] instead of
//! panicking.

use crate::DecodeError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endian {
    Little,
    Big,
}

pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    endian: Endian,
    /// NDR64 transfer syntax (MS-RPCE 2.2.5): 8-byte pointers and counts.
    ndr64: bool,
    context: &'static str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8], endian: Endian, context: &'static str) -> Self {
        Reader {
            buf,
            pos: 0,
            endian,
            ndr64: false,
            context,
        }
    }

    pub(crate) fn with_ndr64(mut self, ndr64: bool) -> Self {
        self.ndr64 = ndr64;
        self
    }

    /// An NDR pointer referent id, conformance or variance count: 4 bytes aligned to 4, or
    /// 8 bytes aligned to 8 in NDR64.
    pub(crate) fn ndr_long(&mut self) -> Result<u64, DecodeError> {
        if self.ndr64 {
            self.align(8)?;
            self.u64()
        } else {
            self.align(4)?;
            self.u32().map(u64::from)
        }
    }

    /// An NDR count that must fit the remaining input (guards allocations and loops).
    pub(crate) fn ndr_count(&mut self) -> Result<usize, DecodeError> {
        let v = self.ndr_long()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= self.remaining())
            .ok_or_else(|| self.invalid("count larger than the data"))
    }

    /// The header of a conformant varying array (maximum count, offset, actual count): the
    /// number of elements that follow, which may not exceed the maximum.
    pub(crate) fn ndr_varying_count(&mut self, what: &'static str) -> Result<usize, DecodeError> {
        let max_count = self.ndr_long()?;
        let _offset = self.ndr_long()?;
        let actual = self.ndr_count()?;
        if actual as u64 > max_count {
            return Err(self.invalid(what));
        }
        Ok(actual)
    }

    /// Alignment of a structure holding pointers or conformant data.
    pub(crate) fn struct_align(&self) -> usize {
        if self.ndr64 {
            8
        } else {
            4
        }
    }

    #[cfg(test)]
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    pub(crate) fn invalid(&self, what: &'static str) -> DecodeError {
        DecodeError::Invalid {
            context: self.context,
            what,
            offset: self.pos,
        }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end.and_then(|e| self.buf.get(self.pos..e)) {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => Err(DecodeError::Truncated {
                context: self.context,
                offset: self.pos,
                needed: n,
                available: self.remaining(),
            }),
        }
    }

    pub(crate) fn skip(&mut self, n: usize) -> Result<(), DecodeError> {
        self.take(n).map(|_| ())
    }

    /// Skips padding up to the next multiple of `n` (relative to the start of the slice).
    pub(crate) fn align(&mut self, n: usize) -> Result<(), DecodeError> {
        let rem = self.pos % n;
        if rem == 0 {
            Ok(())
        } else {
            self.skip(n - rem)
        }
    }

    pub(crate) fn u8(&mut self) -> Result<u8, DecodeError> {
        let b = self.take(1)?;
        Ok(b.first().copied().unwrap_or(0))
    }

    pub(crate) fn u16(&mut self) -> Result<u16, DecodeError> {
        let mut a = [0u8; 2];
        a.copy_from_slice(self.take(2)?);
        Ok(match self.endian {
            Endian::Little => u16::from_le_bytes(a),
            Endian::Big => u16::from_be_bytes(a),
        })
    }

    pub(crate) fn u32(&mut self) -> Result<u32, DecodeError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(match self.endian {
            Endian::Little => u32::from_le_bytes(a),
            Endian::Big => u32::from_be_bytes(a),
        })
    }

    pub(crate) fn u64(&mut self) -> Result<u64, DecodeError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(match self.endian {
            Endian::Little => u64::from_le_bytes(a),
            Endian::Big => u64::from_be_bytes(a),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_endians_and_reports_truncation() {
        let data = [0x01, 0x02, 0x03, 0x04, 0x05];
        let mut le = Reader::new(&data, Endian::Little, "t");
        assert_eq!(le.u16().unwrap(), 0x0201);
        let mut be = Reader::new(&data, Endian::Big, "t");
        assert_eq!(be.u32().unwrap(), 0x0102_0304);
        assert_eq!(
            be.u32(),
            Err(DecodeError::Truncated {
                context: "t",
                offset: 4,
                needed: 4,
                available: 1
            })
        );
        assert_eq!(be.pos(), 4);
        be.align(4).unwrap();
        assert!(be.align(8).is_err());
        assert!(be.take(usize::MAX).is_err());
    }
}
