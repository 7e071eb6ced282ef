//! Urgent and deferred updates. While the reader scrubs the timeline, the
//! map and the month label must follow in the very next frame; the texts
//! beside the map (the totals table, the changes, the summary, the country
//! panel) are laid out and shaped at several times the cost of the arcs, so
//! they follow once the month has held still for one painted frame, with
//! only the newest month when several steps arrive before they catch up.
//! This is the pattern of React's `useDeferredValue`: months a drag has
//! already left are skipped, the last one always lands, and a reader who
//! stops sees every part agree.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `source`, as seen once it has held still for a painted frame. Its first
/// value is the source's own, so the first render draws every part from
/// the same month.
pub fn after_paint<T>(source: Memo<T>) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let clock = Clock {
        changes: StoredValue::new(0),
        waiting: StoredValue::new(false),
        caught_up: RwSignal::new(0),
    };
    Effect::new(move |_| {
        // `with`, not `track`: a stale memo must be brought up to date to
        // notify this effect of its next change.
        source.with(|_| ());
        clock.changes.update_value(|n| *n += 1);
        if !clock.waiting.get_value() {
            clock.waiting.set_value(true);
            clock.land_after_frame();
        }
    });
    Memo::new(move |_| {
        clock.caught_up.track();
        source.get_untracked()
    })
}

/// The bookkeeping of one deferred value.
#[derive(Clone, Copy)]
struct Clock {
    /// Changes of the source so far.
    changes: StoredValue<u64>,
    /// An update is queued; later changes join it.
    waiting: StoredValue<bool>,
    /// Bumped when the deferred value catches up with the source.
    caught_up: RwSignal<u64>,
}

impl Clock {
    /// After the next painted frame, in the background: catch up if the
    /// source has not changed meanwhile, else wait for another frame, so a
    /// drag that sends a step every frame never pays for the texts of a
    /// month it has already left.
    fn land_after_frame(self) {
        let seen = self.changes.get_value();
        // A task queued from a frame callback runs after that frame paints.
        request_animation_frame(move || {
            in_background(move || {
                if self.changes.get_value() == seen {
                    self.waiting.set_value(false);
                    self.caught_up.update(|n| *n += 1);
                } else {
                    self.land_after_frame();
                }
            });
        });
    }
}

/// Runs `task` as a background task (`scheduler.postTask`, Chromium and
/// Firefox): input, rendering and the page's other tasks go first, so the
/// texts never delay the next frame of a drag. Elsewhere a plain task.
fn in_background(task: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(task);
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
    let post = scheduler.as_ref().and_then(|s| {
        js_sys::Reflect::get(s, &"postTask".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let posted = scheduler.zip(post).is_some_and(|(scheduler, post)| {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"priority".into(), &"background".into()).is_ok()
            && post.call2(&scheduler, &callback, &options).is_ok()
    });
    // A task that never runs would leave the panel on an old month for good.
    if !posted {
        drop(window().set_timeout_with_callback(callback.unchecked_ref()));
    }
}
