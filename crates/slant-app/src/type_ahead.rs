//! Type-ahead: keys typed faster than the window draws (a quick hand, a script, a key held down)
//! arrive several to a frame, and egui reads them all at once: its focus moves with Tab and
//! Escape before the app runs, and the app's commands, clicks and dialogs act only after every
//! key of the frame was read. So "p" then "heavy" lost "heavy" (the dialog's box did not yet
//! have the keyboard), and an Escape late in a burst closed the Find box before its letters
//! were read.
//!
//! [`TypeAhead`] is an egui plugin that cuts each frame's input into the steps a slower hand
//! would have made, before egui sees any of it, and hands on one step a frame. A step ends after
//! the first event that can change where the next keys go:
//! - with no text box focused, any key press (a command may open, close or select something);
//! - in a text box, a key that leaves it or acts (Enter, Tab, Escape, a function key, anything
//!   with Ctrl or Alt), which also gets a frame of its own after the letters before it;
//! - a click (a button let go) that keys or another click follow; a click after letters typed
//!   into a box also waits for a frame of its own, so the box reads them before the click takes
//!   its keyboard;
//! - the wheel's turns before a click: the click waits until the scrolling they started has
//!   ended (egui smooths each notch over several frames), as it is aimed at what the view shows
//!   then.
//!
//! The rest waits, in order, for the next frame, which is asked for at once, and longer while
//! the window is still drawing what the step before opened (a menu chosen by F10, →, ↓ would
//! otherwise move the keyboard before the menu's items were there). Letters typed into a box
//! pass together, so a long note costs no more frames than its Enter.

use egui::{Event, Key, Modifiers};

/// How many frames a step waits at most for the window to settle after the one before (a menu
/// or dialog just opened lays itself out over a frame or two).
const MAX_SETTLING_FRAMES: u8 = 3;

/// How many frames a click waits at most for the wheel's scrolling to end (egui smooths each
/// notch over a few frames; a trackpad's scrolling can go on while fingers rest on it).
const MAX_SCROLLING_FRAMES: u8 = 30;

/// The events held back for later frames.
#[derive(Default)]
pub(crate) struct TypeAhead {
    held: Vec<Event>,
    /// What had the keyboard and which layers (menus, dialogs, popups) were shown when the frame
    /// began.
    before: Option<Shown>,
    /// The last frame opened, closed or moved something: the next step waits a frame for it to
    /// be laid out, as a slower hand's keys would (F10, →, ↓ moved the keyboard before the menu
    /// → opened had its items). Tags and moves among sentences change neither, and go on at
    /// once.
    settling: bool,
    /// The step just handed on ended with Enter, Tab, Escape, a function key or a key with Ctrl
    /// or Alt: what it does (a dialog closing on Escape) may show only in the frame after, so
    /// the next step waits a frame for it whatever the frame showed.
    special_key: bool,
    waited: u8,
}

/// What has the keyboard, and the layers shown.
#[derive(PartialEq)]
struct Shown {
    focused: Option<egui::Id>,
    layers: Vec<egui::LayerId>,
}

impl Shown {
    /// A menu, a list or another popup is open (egui shows them in the foreground layers).
    fn menu_open(&self) -> bool {
        self.layers
            .iter()
            .any(|l| l.order == egui::Order::Foreground)
    }

    fn now(ctx: &egui::Context) -> Shown {
        ctx.memory(|m| {
            let mut layers: Vec<egui::LayerId> =
                m.areas().visible_layer_ids().into_iter().collect();
            layers.sort_by_key(|l| (l.order, l.id.value()));
            Shown {
                focused: m.focused(),
                layers,
            }
        })
    }
}

impl egui::Plugin for TypeAhead {
    fn debug_name(&self) -> &'static str {
        "Slant type-ahead"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut egui::RawInput) {
        self.before = Some(Shown::now(ctx));
        if self.held.is_empty() && input.events.is_empty() {
            return;
        }
        // A click while the view still slides after the wheel waits, whether it was held or
        // has just come: it is aimed at where the text comes to rest.
        let next = if self.held.is_empty() {
            &input.events
        } else {
            &self.held
        };
        let scrolling = self.waited < MAX_SCROLLING_FRAMES
            && starts_with_a_click(next)
            && ctx.input(egui::InputState::is_scrolling);
        // Keys held back, or keys just come, wait while the window settles after the step
        // before: a key pressed 30 ms after F10 came in a frame of its own, before the menu had
        // the keyboard, and ↓ moved it behind the menu.
        let acts = |events: &[Event]| {
            events.iter().any(|e| {
                matches!(
                    e,
                    Event::Key { pressed: true, .. } | Event::PointerButton { pressed: false, .. }
                )
            })
        };
        let waiting = !self.held.is_empty() || acts(&input.events);
        if scrolling || (waiting && self.settling && self.waited < MAX_SETTLING_FRAMES) {
            self.waited += 1;
            self.held.append(&mut input.events);
            return;
        }
        self.waited = 0;
        let mut events = std::mem::take(&mut self.held);
        events.append(&mut input.events);
        let end = end_of_step(&events, ctx.text_edit_focused());
        self.held = events.split_off(end);
        input.events = events;
        // In an open menu or list every key may act only in the frame after (→ closes one
        // menu and opens the next then), so the key after it waits to see what it did.
        let menu_open = self.before.as_ref().is_some_and(Shown::menu_open);
        let last_key = input.events.iter().rev().find_map(|e| match e {
            Event::Key {
                key,
                modifiers,
                pressed: true,
                ..
            } => Some(!stays_in_the_box(*key, *modifiers)),
            _ => None,
        });
        self.special_key = last_key == Some(true) || (menu_open && last_key.is_some());
    }

    fn output_hook(&mut self, ctx: &egui::Context, _output: &mut egui::FullOutput) {
        self.settling = std::mem::take(&mut self.special_key)
            || self.before.take().is_some_and(|b| b != Shown::now(ctx));
        if !self.held.is_empty() {
            ctx.request_repaint();
        }
    }
}

/// Where the first step of `events` ends: the index of the first event that waits for the next
/// frame (`events.len()` when none does). `typing`: a text box has the keyboard.
fn end_of_step(events: &[Event], typing: bool) -> usize {
    let mut typed = false;
    for (at, event) in events.iter().enumerate() {
        match event {
            Event::Key {
                key,
                modifiers,
                pressed: true,
                ..
            } => {
                if typing && stays_in_the_box(*key, *modifiers) {
                    typed = true;
                } else if typed {
                    // What was typed before it is read first: Tab would otherwise take the
                    // keyboard from the box before the box read its letters.
                    return at;
                } else {
                    return after_its_character(events, at + 1);
                }
            }
            Event::Text(_) | Event::Paste(_) | Event::Ime(_) if typing => typed = true,
            Event::Paste(_) | Event::Copy | Event::Cut if !typing => return at + 1,
            // A click that takes the keyboard from a box: what was typed is read first (a note
            // typed, then a click on another sentence, kept the note only at a slower pace).
            Event::PointerButton { pressed: true, .. } if typed => return at,
            // A click after the wheel waits for the scrolling to end: it is aimed at what the
            // view shows once it has moved.
            Event::PointerButton { pressed: true, .. }
                if events[..at]
                    .iter()
                    .any(|e| matches!(e, Event::MouseWheel { .. })) =>
            {
                return at;
            }
            // What a click does (select a sentence) comes before the keys or the next click
            // after it (a tag button).
            Event::PointerButton { pressed: false, .. }
                if events[at + 1..].iter().any(|e| {
                    is_keyboard(e) || matches!(e, Event::PointerButton { pressed: true, .. })
                }) =>
            {
                return at + 1;
            }
            _ => {}
        }
    }
    events.len()
}

/// A key a text box keeps: letters, digits, the arrows and the editing keys, with Shift at most.
fn stays_in_the_box(key: Key, modifiers: Modifiers) -> bool {
    let function_key = key
        .name()
        .strip_prefix('F')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let leaves = function_key || matches!(key, Key::Enter | Key::Tab | Key::Escape);
    !leaves && !modifiers.ctrl && !modifiers.command && !modifiers.alt && !modifiers.mac_cmd
}

/// A key's character follows its press (egui-winit sends the press, then the text): they are one
/// step.
fn after_its_character(events: &[Event], from: usize) -> usize {
    match events.get(from) {
        Some(Event::Text(_)) => from + 1,
        _ => from,
    }
}

/// The next step begins with a press of a mouse button (the pointer moved to it at most).
fn starts_with_a_click(events: &[Event]) -> bool {
    events
        .iter()
        .find(|e| !matches!(e, Event::PointerMoved(_) | Event::ModifiersChanged(_)))
        .is_some_and(|e| matches!(e, Event::PointerButton { pressed: true, .. }))
}

fn is_keyboard(event: &Event) -> bool {
    matches!(
        event,
        Event::Key { .. }
            | Event::Text(_)
            | Event::Paste(_)
            | Event::Copy
            | Event::Cut
            | Event::Ime(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    #[test]
    fn a_command_key_ends_the_step_with_its_character() {
        let events = [key(Key::P), text("p"), key(Key::H), text("h")];
        assert_eq!(end_of_step(&events, false), 2);
    }

    #[test]
    fn letters_in_a_box_pass_together_and_enter_waits_for_its_own_frame() {
        let events = [
            key(Key::H),
            text("h"),
            key(Key::I),
            text("i"),
            key(Key::Enter),
        ];
        assert_eq!(end_of_step(&events, true), 4);
        assert_eq!(end_of_step(&events[4..], true), 1);
    }

    #[test]
    fn function_keys_and_ctrl_leave_the_box_but_shift_does_not() {
        assert!(!stays_in_the_box(Key::F10, Modifiers::NONE));
        assert!(!stays_in_the_box(Key::Z, Modifiers::COMMAND));
        assert!(stays_in_the_box(Key::F, Modifiers::NONE));
        assert!(stays_in_the_box(Key::A, Modifiers::SHIFT));
        assert!(stays_in_the_box(Key::ArrowLeft, Modifiers::NONE));
    }

    #[test]
    fn keys_after_a_click_wait_and_a_lone_click_does_not_cut() {
        let release = button(false);
        assert_eq!(end_of_step(&[release.clone(), key(Key::S)], false), 1);
        assert_eq!(end_of_step(&[release.clone(), release], false), 2);
    }

    fn button(pressed: bool) -> Event {
        Event::PointerButton {
            pos: egui::Pos2::ZERO,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn a_second_click_and_a_click_after_the_wheel_wait() {
        let click = [button(true), button(false)];
        assert_eq!(
            end_of_step(&[click.clone(), click.clone()].concat(), false),
            2
        );
        let wheel = Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -3.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        };
        assert_eq!(end_of_step(&[wheel.clone(), wheel, button(true)], false), 2);
        assert!(starts_with_a_click(&[
            Event::PointerMoved(egui::Pos2::ZERO),
            button(true)
        ]));
        assert!(!starts_with_a_click(&[key(Key::S), button(true)]));
    }
}
