//! Notices above the map: address parameters that could not be used, and
//! shapes that could not be loaded. A dismissed notice stays dismissed until
//! the address changes by Back or Forward.

use leptos::prelude::*;

use crate::core::state::url_state::QueryNotice;
use crate::t;
use crate::view::map::BasemapResource;

#[component]
pub fn Notices(notices: RwSignal<Vec<QueryNotice>>, basemap: BasemapResource) -> impl IntoView {
    let shapes_status = move || basemap.get().map(|loaded| loaded.map(|_| ()));
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || notices.get().into_iter().map(|notice| {
                let text = notice.to_string();
                view! {
                    <p class="notice" data-testid="notice">
                        {text.clone()}
                        <button
                            type="button"
                            class="dismiss"
                            aria-label=t!(dismiss_notice: "Dismiss notice")
                            on:click=move |_| notices.update(|all| all.retain(|n| *n != notice))
                        >
                            "×"
                        </button>
                    </p>
                }
            }).collect_view()}
            <ErrorBoundary fallback=|errors| {
                view! {
                    <p class="notice error" data-testid="notice">
                        {move || t!(country_shapes_could_not_loaded:
                            "The country shapes could not be loaded ({reason}). The flows are still drawn from the data.",
                            reason = errors.get().into_iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join("; ")
                        )}
                    </p>
                }
            }>{shapes_status}</ErrorBoundary>
        </div>
    }
}
