//! tapaudit-report: (work in progress)
#![forbid(unsafe_code)]
