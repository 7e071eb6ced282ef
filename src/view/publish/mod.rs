//! What a newsroom takes away: share links and embeds, downloads, the
//! height messages of an embed, and the check for a newer data file.

pub mod data_update;
pub mod downloads;
pub mod embed;
pub mod share;
