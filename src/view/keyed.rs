//! Keyed lists of the map model for `<For>`: the keys of a list, and one
//! item found by its key, as a memo of its own or as it is now (for marks
//! drawn once). Attributes and texts diff their values before touching the
//! DOM, so a kept item writes only what changed.
//!
//! The arcs, touch bands and traces are keyed by [`partners`], the same for
//! every month, and hidden when they have nothing to show, rather than
//! keyed by this month's flows: in Leptos 0.8 every row `<For>` creates
//! leaves a record in the list's owner until the list itself goes (the
//! owner keeps a weak reference to each child and never prunes them), so
//! rows added and removed on every month step grew wasm memory by about
//! 1 KB a step, 20% over 600 steps.

use leptos::prelude::*;

use crate::core::present::map_model::{FlowModel, MapModel, MissingFlowModel, PlaceLabel};

/// A list of the model with the key of its items.
pub struct List<T: 'static> {
    pub items: fn(&MapModel) -> &[T],
    pub key: fn(&T) -> &str,
}

fn flows(m: &MapModel) -> &[FlowModel] {
    &m.flows
}

fn missing(m: &MapModel) -> &[MissingFlowModel] {
    &m.missing
}

fn places(m: &MapModel) -> &[PlaceLabel] {
    &m.places
}

fn flow_partner(flow: &FlowModel) -> &str {
    &flow.partner
}

fn missing_partner(trace: &MissingFlowModel) -> &str {
    &trace.partner
}

fn place_code(place: &PlaceLabel) -> &str {
    &place.code
}

/// Arcs with a figure this month, by destination.
pub static FLOWS: List<FlowModel> = List {
    items: flows,
    key: flow_partner,
};

/// Destinations without a figure this month.
pub static MISSING: List<MissingFlowModel> = List {
    items: missing,
    key: missing_partner,
};

/// City labels, by country.
pub static PLACES: List<PlaceLabel> = List {
    items: places,
    key: place_code,
};

/// Every destination of the series, for `<For each=…>`: the same keys in
/// every month of a series.
pub fn partners(model: Memo<Option<MapModel>>) -> impl Fn() -> Vec<String> + Copy {
    move || model.with(|m| m.as_ref().map(|m| m.partners.clone()).unwrap_or_default())
}

/// The item while it is there, else the last one it was: a mark hidden for
/// a month keeps its attributes instead of having each removed and
/// written again, so hiding it is one attribute, not six.
pub fn held<T>(item: Memo<Option<T>>) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |last: Option<&Option<T>>| item.get().or_else(|| last.cloned().flatten()))
}

impl<T: 'static> List<T> {
    /// The item `key` as a memo of its own: its readers subscribe to it, not
    /// to the whole model, and wake only when this item changes. (Every
    /// reader of a signal costs each notification, so many small readers
    /// of the model would make every month step slower.)
    pub fn item(&'static self, model: Memo<Option<MapModel>>, key: String) -> Memo<Option<T>>
    where
        T: Clone + PartialEq + Send + Sync,
    {
        Memo::new(move |_| {
            model.with(|m| {
                m.as_ref().and_then(|m| {
                    (self.items)(m)
                        .iter()
                        .find(|x| (self.key)(x) == key)
                        .cloned()
                })
            })
        })
    }

    /// The item as the model has it now, for marks drawn once.
    pub fn now(&'static self, model: Memo<Option<MapModel>>, key: &str) -> Option<T>
    where
        T: Clone,
    {
        model.with_untracked(|m| {
            m.as_ref().and_then(|m| {
                (self.items)(m)
                    .iter()
                    .find(|x| (self.key)(x) == key)
                    .cloned()
            })
        })
    }
}
