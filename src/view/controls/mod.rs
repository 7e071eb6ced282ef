//! The controls that change the view: the pickers in the masthead and the
//! timeline under the map. Each reads the fields it shows and writes through
//! the store.

pub mod pickers;
pub mod timeline;
