//! tapaudit-synth: (work in progress)
#![forbid(unsafe_code)]
