//! RowBinary encoding of the row types (the format of every insert).
//!
//! The `clickhouse` crate encodes rows itself, but only into a request it is sending. A
//! batch that may have to wait in the spool and be sent again later must be encoded once,
//! kept as bytes with its checksum, and sent as those same bytes: so batches are encoded
//! here and handed to the crate as raw RowBinary (see `client::RawRows`). The server tests
//! read every row type back through the crate's decoder, which checks this encoder against
//! the crate's and the server's idea of RowBinary (ClickHouse 18.16 and later agree on it).
//!
//! Covered: unsigned and signed integers (little-endian), `bool` (UInt8), strings and byte
//! strings (LEB128 length, then the bytes), `Option` (Nullable: 1 = NULL, else 0 then the
//! value), sequences (Array: LEB128 count), tuples and arrays (`[u8; 16]`: FixedString, no
//! length), structs (fields in order). Anything else is an error, never a panic.

use serde::ser::{self, Impossible, Serialize};

#[derive(Debug)]
pub struct EncodeError(pub String);

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for EncodeError {}
impl ser::Error for EncodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        EncodeError(msg.to_string())
    }
}

/// Appends the RowBinary encoding of `value` to `out`.
pub fn encode_into<T: Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), EncodeError> {
    value.serialize(&mut Encoder { out })
}

struct Encoder<'a> {
    out: &'a mut Vec<u8>,
}

fn put_leb128(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn unsupported<T>(what: &str) -> Result<T, EncodeError> {
    Err(EncodeError(format!(
        "{what} has no RowBinary encoding here"
    )))
}

impl<'a, 'b> ser::Serializer for &'b mut Encoder<'a> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Impossible<(), EncodeError>;
    type SerializeTupleVariant = Impossible<(), EncodeError>;
    type SerializeMap = Impossible<(), EncodeError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), EncodeError>;

    fn serialize_bool(self, v: bool) -> Result<(), EncodeError> {
        self.out.push(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), EncodeError> {
        self.out.push(v);
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), EncodeError> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), EncodeError> {
        unsupported("char")
    }
    fn serialize_str(self, v: &str) -> Result<(), EncodeError> {
        self.serialize_bytes(v.as_bytes())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), EncodeError> {
        put_leb128(self.out, v.len() as u64);
        self.out.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), EncodeError> {
        self.out.push(1);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EncodeError> {
        self.out.push(0);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), EncodeError> {
        unsupported("()")
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), EncodeError> {
        unsupported(name)
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), EncodeError> {
        unsupported(name)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), EncodeError> {
        unsupported(name)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, EncodeError> {
        let Some(len) = len else {
            return unsupported("a sequence of unknown length");
        };
        put_leb128(self.out, len as u64);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, EncodeError> {
        Ok(self)
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, EncodeError> {
        unsupported(name)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, EncodeError> {
        unsupported(name)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, EncodeError> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, EncodeError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, EncodeError> {
        unsupported(name)
    }
}

impl<'a, 'b> ser::SerializeSeq for &'b mut Encoder<'a> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl<'a, 'b> ser::SerializeTuple for &'b mut Encoder<'a> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl<'a, 'b> ser::SerializeStruct for &'b mut Encoder<'a> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Row {
        a: u16,
        s: String,
        n: Option<u32>,
        none: Option<u8>,
        fixed: [u8; 4],
        list: Vec<u64>,
        e: i8,
    }

    /// The bytes the RowBinary documentation gives for each type.
    #[test]
    fn encodes_like_the_format_says() {
        let mut out = Vec::new();
        encode_into(
            &mut out,
            &Row {
                a: 0x1234,
                s: "ab".into(),
                n: Some(7),
                none: None,
                fixed: [9, 8, 7, 6],
                list: vec![1, 2],
                e: -1,
            },
        )
        .unwrap();
        let want: Vec<u8> = [
            &[0x34, 0x12][..],
            &[2, b'a', b'b'],
            &[0, 7, 0, 0, 0],
            &[1],
            &[9, 8, 7, 6],
            &[2, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0],
            &[0xff],
        ]
        .concat();
        assert_eq!(out, want);
    }

    #[test]
    fn long_strings_get_a_multi_byte_length() {
        let mut out = Vec::new();
        encode_into(&mut out, &"x".repeat(300)).unwrap();
        assert_eq!(&out[..2], &[0xac, 0x02]);
        assert_eq!(out.len(), 302);
    }

    #[test]
    fn what_it_cannot_encode_is_an_error_not_a_panic() {
        let mut out = Vec::new();
        assert!(encode_into(&mut out, &'c').is_err());
        assert!(encode_into(&mut out, &std::collections::BTreeMap::<u8, u8>::new()).is_err());
    }
}
