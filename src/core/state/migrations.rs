//! Old addresses keep working. An embed published today lives for years in
//! articles nobody will edit, so a parameter or value the explorer renames
//! must still be read under its old name: each rename adds a line to
//! [`MIGRATIONS`], applied before the address is read, and the address bar
//! then shows the new name (the view state writes only new names). No
//! parameter has been renamed yet, so the list is empty; `migrate` is tested
//! with lists of its own.

/// One fix of an old address.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Migration {
    /// `from=value` is now `to=value`.
    Parameter {
        from: &'static str,
        to: &'static str,
    },
    /// `parameter=from` is now `parameter=to`.
    Value {
        parameter: &'static str,
        from: &'static str,
        to: &'static str,
    },
}

/// Every rename so far, oldest first.
pub const MIGRATIONS: &[Migration] = &[];

/// The address's decoded pairs with every fix of `migrations` applied, in
/// order. Where an address carries both an old name and its new one, the
/// new one was written later and wins: the old pair is dropped.
pub fn migrate(pairs: Vec<(String, String)>, migrations: &[Migration]) -> Vec<(String, String)> {
    migrations
        .iter()
        .fold(pairs, |pairs, migration| match *migration {
            Migration::Parameter { from, to } => {
                let has_new = pairs.iter().any(|(key, _)| key == to);
                pairs
                    .into_iter()
                    .filter(|(key, _)| !(has_new && key == from))
                    .map(|(key, value)| match key == from {
                        true => (to.to_string(), value),
                        false => (key, value),
                    })
                    .collect()
            }
            Migration::Value {
                parameter,
                from,
                to,
            } => pairs
                .into_iter()
                .map(|(key, value)| match key == parameter && value == from {
                    true => (key, to.to_string()),
                    false => (key, value),
                })
                .collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    /// Renames the explorer might make; none of them is real.
    const RENAMES: &[Migration] = &[
        Migration::Parameter {
            from: "m",
            to: "month",
        },
        Migration::Value {
            parameter: "series",
            from: "magnet_exports",
            to: "magnets",
        },
        Migration::Parameter {
            from: "colour",
            to: "theme",
        },
        Migration::Value {
            parameter: "theme",
            from: "night",
            to: "dark",
        },
    ];

    #[test]
    fn each_fix_is_applied_and_other_pairs_keep_their_order() {
        let cases = [
            ("m=2025-08", "month=2025-08"),
            (
                "series=magnet_exports&m=2025-08",
                "series=magnets&month=2025-08",
            ),
            // A renamed parameter whose value was renamed too: fixes apply in order.
            ("colour=night", "theme=dark"),
            (
                "country=KOR&m=2025-08&zoom=2",
                "country=KOR&month=2025-08&zoom=2",
            ),
            // The new name beside the old one wins.
            ("m=2025-01&month=2025-08", "month=2025-08"),
            ("month=2025-08&m=2025-01", "month=2025-08"),
        ];
        for (old, new) in cases {
            assert_eq!(migrate(pairs(old), RENAMES), pairs(new), "{old}");
        }
    }

    #[test]
    fn an_address_without_old_names_is_untouched() {
        for query in [
            "",
            "month=2025-08&country=EU27",
            "series=rare-earths&panel=compare&compare=EU27,USA&embed=1&theme=light&lang=ko&hide=headline",
            "childId=map&parentUrl=https%3A%2F%2Fexample.org",
            // The same words in other places are not renames.
            "country=m&panel=night",
        ] {
            assert_eq!(migrate(pairs(query), RENAMES), pairs(query), "{query}");
            assert_eq!(migrate(pairs(query), MIGRATIONS), pairs(query), "{query}");
        }
    }
}
