//! What a tonne counts. A tonne of magnets, a tonne of magnets with their
//! powders and alloys, a tonne of rare-earth oxide and a tonne of GACC's
//! "rare earths" are different things; setting one against another gives a
//! number that means nothing. Every comparison asks [`comparable`] first and
//! says why when the answer is no.

/// The physical basis of a tonnage, read from the metric's name.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Finished rare-earth permanent magnets (HS 850511): China's magnet
    /// exports, other countries' magnet imports, magnet plants' capacity.
    Magnets,
    /// Magnets plus NdFeB powders and alloys: a wider customs scope.
    MagnetsPowderAlloy,
    /// Magnet alloy: an input to magnets, not a magnet.
    MagnetAlloy,
    /// Rare-earth oxide (REO) equivalent: mine production, reserves,
    /// separation and oxide capacity.
    Oxide,
    /// GACC's "rare earths (17 elements)": metals, oxides and compounds by
    /// their own weight.
    RareEarthGoods,
    /// Bloomberg's computed "rare-earth products" category.
    RareEarthProducts,
    /// Anything else: copper, molybdenum, money, counts.
    Other,
}

impl Basis {
    pub fn of(metric: &str) -> Basis {
        match metric {
            "magnet_exports_incl_powder_alloy" => Basis::MagnetsPowderAlloy,
            "magnet_exports" | "magnet_exports_ytd" | "magnet_imports" | "production_magnets" => {
                Basis::Magnets
            }
            "capacity_alloy_planned" => Basis::MagnetAlloy,
            // Magnet plants' rows are plain `capacity…`; separation, NdPr and
            // heavy-rare-earth feed rows name their stage.
            m if m.starts_with("capacity_separation")
                || m.starts_with("capacity_ndpr")
                || m.starts_with("capacity_hre") =>
            {
                Basis::Oxide
            }
            m if m.starts_with("capacity_copper") => Basis::Other,
            m if m == "capacity" || m.starts_with("capacity_planned") => Basis::Magnets,
            "mine_production" | "production_ndpr_oxide" | "resources" => Basis::Oxide,
            "reserves" | "reserves_claimed" | "reserves_deposit" | "reserves_jorc"
            | "reserves_min" => Basis::Oxide,
            "re_exports" | "re_exports_ytd" | "re_imports" | "re_imports_ytd" => {
                Basis::RareEarthGoods
            }
            "re_products_exports" => Basis::RareEarthProducts,
            _ => Basis::Other,
        }
    }

    /// The name used in the address (`compare=JPN,powder-alloy:JPN`).
    pub fn slug(self) -> &'static str {
        match self {
            Basis::Magnets => "magnets",
            Basis::MagnetsPowderAlloy => "powder-alloy",
            Basis::MagnetAlloy => "alloy",
            Basis::Oxide => "oxide",
            Basis::RareEarthGoods => "rare-earths",
            Basis::RareEarthProducts => "re-products",
            Basis::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Basis> {
        [
            Basis::Magnets,
            Basis::MagnetsPowderAlloy,
            Basis::MagnetAlloy,
            Basis::Oxide,
            Basis::RareEarthGoods,
            Basis::RareEarthProducts,
        ]
        .into_iter()
        .find(|b| b.slug() == slug)
    }

    /// What a tonne of it is, as a reader would say it.
    pub fn label(self) -> String {
        match self {
            Basis::Magnets => crate::t!(tonnes_magnets: "tonnes of magnets"),
            Basis::MagnetsPowderAlloy => {
                crate::t!(tonnes_magnets_ndfeb_powders_alloys: "tonnes of magnets with NdFeB powders and alloys")
            }
            Basis::MagnetAlloy => crate::t!(tonnes_magnet_alloy: "tonnes of magnet alloy"),
            Basis::Oxide => {
                crate::t!(tonnes_rare_earth_oxide_reo: "tonnes of rare-earth oxide (REO)")
            }
            Basis::RareEarthGoods => {
                crate::t!(tonnes_rare_earth_metals_oxides: "tonnes of rare-earth metals, oxides and compounds")
            }
            Basis::RareEarthProducts => {
                crate::t!(tonnes_bloombergs_rare_earth_products: "tonnes of Bloomberg's rare-earth products")
            }
            Basis::Other => crate::t!(another_quantity: "another quantity"),
        }
    }
}

/// Why two tonnages are not compared.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Oxide content against goods counted by their own weight.
    OxideAgainstGoods,
    /// A wider customs scope against the magnets inside it.
    WiderScope,
    /// Two different goods.
    DifferentGoods,
}

/// Two tonnages refused a comparison, with both bases for the sentence.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NotComparable {
    pub a: Basis,
    pub b: Basis,
    pub why: Refusal,
}

impl NotComparable {
    pub fn text(&self) -> String {
        let (a, b) = (self.a.label(), self.b.label());
        match self.why {
            Refusal::OxideAgainstGoods => crate::t!(not_compared_against_oxide_tonnes:
                "Not compared: {a} against {b}. Oxide tonnes count the rare-earth oxide content; the other counts goods by their own weight, so a tonne of one is not a tonne of the other.",
                a = a,
                b = b
            ),
            Refusal::WiderScope => crate::t!(not_compared_against_powder_alloy:
                "Not compared: {a} against {b}. The powder-and-alloy figure is a wider customs scope that contains the magnets; the difference between them is not magnets.",
                a = a,
                b = b
            ),
            Refusal::DifferentGoods => crate::t!(not_compared_against_they_different:
                "Not compared: {a} against {b}. They are different goods, counted by different series.",
                a = a,
                b = b
            ),
        }
    }
}

/// Whether a tonnage on basis `a` may be set against one on basis `b`.
/// Only the same basis compares (a plant's t/yr of magnets against monthly
/// tonnes of magnets is a rate against a rate, and allowed).
pub fn comparable(a: Basis, b: Basis) -> Result<(), NotComparable> {
    if a == b && a != Basis::Other {
        return Ok(());
    }
    let why = if a == Basis::Oxide || b == Basis::Oxide {
        Refusal::OxideAgainstGoods
    } else if matches!(
        (a, b),
        (Basis::Magnets, Basis::MagnetsPowderAlloy) | (Basis::MagnetsPowderAlloy, Basis::Magnets)
    ) {
        Refusal::WiderScope
    } else {
        Refusal::DifferentGoods
    };
    Err(NotComparable { a, b, why })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::dataset::Dataset;

    #[test]
    fn each_pair_of_bases_is_allowed_or_refused_for_its_reason() {
        use Basis::*;
        let cases = [
            (Magnets, Magnets, None),
            (Oxide, Oxide, None),
            (Magnets, Oxide, Some(Refusal::OxideAgainstGoods)),
            (Oxide, RareEarthGoods, Some(Refusal::OxideAgainstGoods)),
            (MagnetsPowderAlloy, Magnets, Some(Refusal::WiderScope)),
            (Magnets, MagnetsPowderAlloy, Some(Refusal::WiderScope)),
            (Magnets, RareEarthGoods, Some(Refusal::DifferentGoods)),
            (RareEarthProducts, Magnets, Some(Refusal::DifferentGoods)),
            (MagnetAlloy, Magnets, Some(Refusal::DifferentGoods)),
            (Other, Other, Some(Refusal::DifferentGoods)),
        ];
        for (a, b, refused) in cases {
            assert_eq!(
                comparable(a, b).err().map(|n| n.why),
                refused,
                "{a:?} against {b:?}"
            );
        }
    }

    #[test]
    fn the_files_tonnages_get_the_basis_sources_md_gives_them() {
        let dataset = Dataset::embedded().unwrap();
        let basis = |id: &str| Basis::of(&dataset.fact(id).unwrap().metric);
        // SOURCES.md: USGS tonnages are REO; Lynas' Kuantan plant makes NdPr
        // oxide; Narva makes magnets; IBNews' Japan rows add powders and alloys.
        assert_eq!(basis("mag-chn-usa-2025-08"), Basis::Magnets);
        assert_eq!(basis("cap-mag-neo-narva-ph1"), Basis::Magnets);
        assert_eq!(basis("cap-ndpr-lynas-malaysia"), Basis::Oxide);
        assert_eq!(basis("cap-sep-neo-silmet"), Basis::Oxide);
        assert_eq!(
            basis("cap-alloy-usar-lcm-france-planned"),
            Basis::MagnetAlloy
        );
        assert_eq!(basis("magalloy-chn-jpn-2025-07"), Basis::MagnetsPowderAlloy);
        assert_eq!(basis("cap-cu-mng-ot-2028"), Basis::Other);
        let oxide = dataset
            .facts
            .iter()
            .filter(|f| f.metric == "mine_production")
            .all(|f| Basis::of(&f.metric) == Basis::Oxide);
        assert!(oxide);
    }

    #[test]
    fn a_refusal_names_both_bases() {
        let refusal = comparable(Basis::Oxide, Basis::Magnets).unwrap_err();
        let text = refusal.text();
        assert!(text.contains("rare-earth oxide") && text.contains("tonnes of magnets"));
        assert_eq!(
            Basis::from_slug("powder-alloy"),
            Some(Basis::MagnetsPowderAlloy)
        );
        assert_eq!(Basis::from_slug("other"), None);
    }
}
