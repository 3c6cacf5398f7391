//! `slant`: the command line and, with no subcommand, the desktop app. Both are thin fronts
//! over `slant-core`; this file only connects them.

use std::process::ExitCode;

fn main() -> ExitCode {
    slant_cli::main(
        slant_app::claims_dir(),
        slant_app::untitled_dir(),
        |project| slant_app::run(project).map_err(slant_cli::Failure::Input),
    )
}
