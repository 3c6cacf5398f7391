//! File ▸ Open web address… and a pasted address: the page is fetched on a thread of its own
//! (the window keeps drawing), with its progress shown and a Cancel button, then added as an
//! article through the same path as an imported file.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;

use slant_core::import::ImportedText;
use slant_fetch::{FetchError, Limits};

use super::{Modal, SlantApp};

/// A fetch under way.
pub(super) struct Download {
    url: String,
    cancelled: Arc<AtomicBool>,
    received: Arc<AtomicU64>,
    done: mpsc::Receiver<Result<ImportedText, FetchError>>,
}

impl Download {
    fn start(url: String, ctx: &egui::Context) -> Download {
        let cancelled = Arc::new(AtomicBool::new(false));
        let received = Arc::new(AtomicU64::new(0));
        let (send, done) = mpsc::channel();
        let (c, r, ctx, u) = (
            cancelled.clone(),
            received.clone(),
            ctx.clone(),
            url.clone(),
        );
        std::thread::spawn(move || {
            let result = slant_fetch::import_url(&u, Limits::DEFAULT, |n, _| {
                r.store(n, Ordering::Relaxed);
                ctx.request_repaint();
                !c.load(Ordering::Relaxed)
            });
            // Nobody listens any more after a cancel: the result is dropped.
            let _ = send.send(result);
            ctx.request_repaint();
        });
        Download {
            url,
            cancelled,
            received,
            done,
        }
    }
}

impl SlantApp {
    /// Starts fetching `url` as a new article of the open project.
    pub(super) fn fetch_web_address(&mut self, url: String, ctx: &egui::Context) {
        let url = url.trim().to_owned();
        if self.workspace.is_none() {
            return self.error(
                "No project is open",
                "Open or create a project first, then add articles to it.",
            );
        }
        if !slant_fetch::is_web_address(&url) {
            self.modal = Some(Modal::WebAddress {
                problem: Some(format!(
                    "“{url}” is not a web address: it should start with https:// or http://."
                )),
                url,
            });
            return;
        }
        self.download = Some(Download::start(url.clone(), ctx));
        self.modal = Some(Modal::Fetching { url });
    }

    /// Adds the article once its fetch is done, or says why it could not be.
    pub(super) fn poll_download(&mut self) {
        let Some(download) = &self.download else {
            return;
        };
        let result = match download.done.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(FetchError::Cancelled),
        };
        let url = download.url.clone();
        self.download = None;
        if matches!(self.modal, Some(Modal::Fetching { .. })) {
            self.modal = None;
        }
        match result {
            Ok(article) => {
                // Named for where the page was found, not for a short link that led there.
                let name = slant_fetch::article_name(article.url.as_deref().unwrap_or(&url));
                if let Err(e) = self.add_articles(vec![(name.clone(), article, name)]) {
                    self.error("The article was not added", e);
                }
            }
            Err(FetchError::Cancelled) => {}
            // Asked again with the address as typed, to mend it or try again.
            Err(e) => {
                self.modal = Some(Modal::WebAddress {
                    url,
                    problem: Some(format!("The article was not added. {e}")),
                })
            }
        }
    }

    /// The dialog asking for an address. Returns true when it is done.
    pub(super) fn web_address_dialog(
        &mut self,
        ui: &mut egui::Ui,
        url: &mut String,
        problem: &mut Option<String>,
        ctx: &egui::Context,
    ) -> bool {
        ui.heading("Open web address");
        ui.label("The address of a news article. Slant fetches the page and adds its article text, headline, outlet, author and date.");
        if let Some(problem) = problem.as_deref() {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        // Its own id, not one counted from the widgets before it: the message above comes and
        // goes, and the box must stay the same box with its cursor.
        let field = ui.add(
            egui::TextEdit::singleline(url)
                .id_salt("web address")
                .hint_text("https://…")
                .desired_width(f32::INFINITY)
                .char_limit(8192),
        );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Web address"));
        if field.changed() {
            // What went wrong was about the address as it was.
            *problem = None;
        }
        // The box has the keyboard when the dialog opens, not after Tab went to a button or
        // Escape left it (Escape then closes the dialog).
        if self.dialog_opening || (ui.memory(|m| m.focused().is_none()) && !field.lost_focus()) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut done = false;
        ui.horizontal(|ui| {
            let open = ui.add_enabled(!url.trim().is_empty(), egui::Button::new("Open"));
            if open.clicked() || (entered && !url.trim().is_empty()) {
                done = true;
                let url = url.clone();
                // The fetching dialog takes this one's place.
                self.fetch_web_address(url, ctx);
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        done
    }

    /// Progress of a fetch, with Cancel. Returns true when it is done.
    pub(super) fn fetching_dialog(&mut self, ui: &mut egui::Ui, url: &str) -> bool {
        let Some(download) = &self.download else {
            return true;
        };
        ui.heading("Fetching the article");
        ui.label(url);
        let received = download.received.load(Ordering::Relaxed);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(if received == 0 {
                "Waiting for the server…".to_owned()
            } else {
                format!("{} KB received", received.div_ceil(1000))
            });
        });
        ui.button("Cancel").clicked()
    }

    /// Stops waiting for the fetch under way; what it brings is dropped.
    pub(super) fn cancel_download(&mut self) {
        if let Some(download) = self.download.take() {
            download.cancelled.store(true, Ordering::Relaxed);
        }
    }
}
