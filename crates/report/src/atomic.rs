//! Crash-safe report files: write a temporary file beside the target, flush it to disk,
//! then rename it over the target (rename is atomic within one file system).

use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, whole.
/// A path that exists and is not a regular file (`/dev/null`, a FIFO, a terminal) is written
/// into directly: renaming over it would replace the device with a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// [`write_atomically`], the content streamed by `fill` (through a buffer) instead of held
/// in memory first: a report of a million flows is written without a copy of its text.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            let f = std::fs::OpenOptions::new().write(true).open(path)?;
            let mut out = BufWriter::with_capacity(BUFFER, f);
            fill(&mut out)?;
            return out.flush();
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = BufWriter::with_capacity(BUFFER, std::fs::File::create(&tmp)?);
        fill(&mut out)?;
        let f = out.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows syncing a directory.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        explain(e, path)
    })
}

/// A command's output: written to `path` atomically (an error names `what` and the file)
/// or, without a path, to standard output through a buffer.
pub fn write_output(
    path: Option<&Path>,
    what: &str,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let Some(path) = path else {
        let mut out = BufWriter::with_capacity(BUFFER, std::io::stdout().lock());
        fill(&mut out)?;
        return out.flush();
    };
    write_atomically_with(path, fill).map_err(|e| {
        let message = format!("writing {what} to {}: {e}", path.display());
        std::io::Error::new(e.kind(), message)
    })
}

/// ENOSPC on Linux and the BSDs (`io::ErrorKind::StorageFull` is newer than the MSRV).
const ENOSPC: i32 = 28;

/// A full file system said plainly, with what became of the file: the reader of the error
/// wants to know whether the last good report is still there (it is: only the temporary
/// was written, and it is removed).
fn explain(e: std::io::Error, path: &Path) -> std::io::Error {
    if e.raw_os_error() != Some(ENOSPC) {
        return e;
    }
    let kept = if path.is_file() {
        format!("the previous {} is unchanged", path.display())
    } else {
        format!("{} was not written", path.display())
    };
    std::io::Error::new(e.kind(), format!("{e}: the file system is full; {kept}"))
}

const BUFFER: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.json");
        write_atomically(&p, b"old").unwrap();
        write_atomically(&p, b"new contents").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new contents");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    /// Regression: `-o /dev/null` run as root used to rename a file over the device.
    #[test]
    fn a_device_is_written_into_not_replaced() {
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        write_atomically(null, b"report").unwrap();
        let meta = std::fs::metadata(null).unwrap();
        assert!(!meta.is_file(), "/dev/null must still be a device");
    }

    #[test]
    fn a_report_that_fails_half_way_leaves_the_previous_one_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.json");
        write_atomically(&p, b"previous").unwrap();
        let e = write_atomically_with(&p, |out| {
            out.write_all(&[b'x'; 100_000])?;
            Err(std::io::Error::other("renderer failed"))
        });
        assert!(e.is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"previous");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn missing_directory_is_an_error_not_a_panic() {
        let e = write_atomically(Path::new("/nonexistent-dir/x/r.json"), b"x");
        assert!(e.is_err());
    }
}
