//! Any bytes as a project file: loading must give a project or an error, never panic, and a
//! project it gives must save and load back the same.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(project) = slant::store::from_ron(text, Path::new("fuzz.ron")) {
        let saved = slant::store::to_ron(&project).expect("a loaded project saves");
        let again = slant::store::from_ron(&saved, Path::new("fuzz.ron"))
            .expect("a saved project loads");
        assert_eq!(again, project);
    }
});
