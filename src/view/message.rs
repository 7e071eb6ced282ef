//! Messages whose values are markup: a whole translated sentence with a
//! link where the translation puts its `{slot}`.

use leptos::prelude::*;

use crate::core::text::i18n::{pieces, Piece};

/// Renders `message`, asking `slot` for the view of each `{name}` it holds,
/// in the order the translation puts them.
pub fn with_slots(message: String, mut slot: impl FnMut(&str) -> AnyView) -> Vec<AnyView> {
    pieces(&message)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot(name) => slot(name),
        })
        .collect()
}
