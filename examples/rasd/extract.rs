//! `rasd extract` (not built yet).

use crate::lines::CmdResult;

pub fn run(_args: Vec<std::ffi::OsString>) -> CmdResult {
    Err("the extract subcommand is not built yet".into())
}
