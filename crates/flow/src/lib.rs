//! tapaudit-flow: (work in progress)
#![forbid(unsafe_code)]
