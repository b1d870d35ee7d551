//! `rasd numbers` (not built yet).

use crate::lines::CmdResult;

pub fn run(_args: Vec<std::ffi::OsString>) -> CmdResult {
    Err("the numbers subcommand is not built yet".into())
}
