//! The view state as the address writes it, and the links that share it.

pub mod action;
pub mod migrations;
pub mod share;
pub mod url_state;
