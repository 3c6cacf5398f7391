//! Type-ahead: keys typed faster than the window draws arrive several to a frame, and egui reads
//! them all at once, before the command, click or dialog they follow has acted. These functions
//! hold back the keyboard events that must wait for the next frame, so each lands where it would
//! have at a slower pace; the app replays them at the start of that frame.

use egui::Key;

/// The keyboard events after the frame's first click (a button let go), to be read once the
/// click has acted: a script's `click 1 key 2`, or a quick hand, tags the sentence clicked, not
/// the one selected before (keys are read before the frame is drawn, clicks while it is).
pub(crate) fn hold_after_click(input: &mut egui::InputState) -> Vec<egui::Event> {
    let click = input
        .events
        .iter()
        .position(|e| matches!(e, egui::Event::PointerButton { pressed: false, .. }));
    match click {
        Some(at) if input.events[at..].iter().any(is_keyboard) => hold_from(input, at + 1),
        _ => Vec::new(),
    }
}

/// Hands the frame's key presses, in the order they were made, to `take` until it takes one (a
/// command). That press and the character it typed are removed, and every keyboard event after
/// it is returned, to be read in the next frame once the command has acted: "p" then "slam" typed
/// faster than a frame opens the dialog and types "slam" into it, where the letters would
/// otherwise arrive before the dialog's box had the keyboard, and be lost.
pub(crate) fn take_first_command(
    input: &mut egui::InputState,
    take: impl FnMut(Key, egui::Modifiers) -> bool,
) -> Vec<egui::Event> {
    let Some(at) = first_press(input, take) else {
        return Vec::new();
    };
    let mut rest = hold_from(input, at + 1);
    // The command's own press, at `at`: pointer events after it stay in the frame, behind it.
    input.events.remove(at);
    // A key's character follows its press (egui-winit sends the press, then the text).
    if matches!(rest.first(), Some(egui::Event::Text(_))) {
        rest.remove(0);
    }
    rest
}

/// Gives a key that answers a dialog or leaves a text box (Enter, Tab, Escape) a frame of its
/// own: what was typed before it is read in this frame, the key at the start of the next, and
/// what follows it in the frame after. The events held back are returned in order. Typed faster
/// than a frame, "a note", Enter, "j4" would otherwise lose the note (Tab gives the focus up
/// before the box reads its text) or type "j4" into it, and "heavy", Enter, "js" in the phrase
/// dialog would lose J and S.
pub(crate) fn hold_leaving_key(input: &mut egui::InputState) -> Vec<egui::Event> {
    let Some(at) = first_press(input, |key, _| {
        matches!(key, Key::Enter | Key::Tab | Key::Escape)
    }) else {
        return Vec::new();
    };
    let typed_before = input.events[..at].iter().any(is_keyboard);
    hold_from(input, if typed_before { at } else { at + 1 })
}

fn is_keyboard(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::Key { .. }
            | egui::Event::Text(_)
            | egui::Event::Paste(_)
            | egui::Event::Copy
            | egui::Event::Cut
            | egui::Event::Ime(_)
    )
}

fn first_press(
    input: &egui::InputState,
    mut matches: impl FnMut(Key, egui::Modifiers) -> bool,
) -> Option<usize> {
    input.events.iter().position(|event| match event {
        egui::Event::Key {
            key,
            modifiers,
            pressed: true,
            ..
        } => matches(*key, *modifiers),
        _ => false,
    })
}

/// Takes the keyboard events from event `from` on out of the frame (the pointer's stay) and
/// returns them in order.
fn hold_from(input: &mut egui::InputState, from: usize) -> Vec<egui::Event> {
    let rest = input.events.split_off(from);
    let (held, other): (Vec<_>, Vec<_>) = rest.into_iter().partition(is_keyboard);
    input.events.extend(other);
    held
}
