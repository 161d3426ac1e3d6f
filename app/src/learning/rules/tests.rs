use super::*;
use crate::framework::Text;
use crate::learning::model::{GovLevel, Source};

fn text(s: &str) -> Text {
    Text {
        es: s.into(),
        en: s.into(),
    }
}

fn sample(anchor: &str, codes: &[&str]) -> Case {
    Case {
        anchor: anchor.into(),
        id: None,
        title: Text {
            es: "Presupuesto participativo de Cuenca".into(),
            en: "Cuenca's participatory budget".into(),
        },
        place: text("Cuenca"),
        country: text("Ecuador"),
        level: GovLevel::Municipal,
        years: "2020–2022".into(),
        what: text("Asambleas parroquiales"),
        results: text(""),
        indicators: codes.iter().map(|c| (*c).to_owned()).collect(),
        pillars: codes
            .iter()
            .map(|c| c[..1].to_owned())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        sources: vec![Source {
            title: "x".into(),
            url: "https://example.org".into(),
        }],
        presented_by: None,
    }
}

#[test]
fn every_default_indicator_has_its_own_anchor_and_unknown_codes_fall_back() {
    for code in ["T1", "T5", "P3", "R1", "C4"] {
        assert!(
            primer_anchor(code, "").starts_with("term-")
                || primer_anchor(code, "").starts_with("sec-")
        );
        assert_ne!(primer_anchor(code, ""), PRIMER_START, "{code}");
    }
    assert_eq!(primer_anchor("p3", "P"), "term-silla-vacia");
    assert_eq!(primer_anchor("X9", "R"), "sec-pilar-r");
    assert_eq!(primer_anchor("X9", "Z"), PRIMER_START);
    assert_eq!(primer_anchor("", ""), PRIMER_START);
}

#[test]
fn only_participant_pages_of_this_site_are_return_addresses() {
    assert_eq!(
        safe_back("/workshops/12/assess/2#ind-T1").as_deref(),
        Some("/workshops/12/assess/2#ind-T1")
    );
    assert!(safe_back("/workshops/12/assess/2").is_some());
    assert!(safe_back("/workshops/3/actions#weak-title").is_some());
    for bad in [
        "",
        "https://evil.example/workshops/1/assess/1",
        "//evil.example/workshops/1/assess/1",
        "/\\evil.example",
        "javascript:alert(1)",
        "/workshops/1/assess/1/../../../x",
        "/workshops/x/assess/1",
        "/workshops/1/assess/",
        "/workshops/1/assess/1#a b",
        "/workshops/1/assess/1#\"><script>",
        "/workshops/1/assess/1#",
        "/workshops/1/assess/1?x=1",
        "/learn",
    ] {
        assert_eq!(safe_back(bad), None, "{bad:?}");
    }
    assert_eq!(
        safe_back(&format!("/workshops/1/assess/1#{}", "a".repeat(200))),
        None
    );
}

#[test]
fn primer_links_carry_the_return_address_encoded() {
    let href = primer_href("term-silla-vacia", "/workshops/1/assess/2#ind-P3");
    assert_eq!(
        href,
        "/learn?back=/workshops/1/assess/2%23ind-P3#term-silla-vacia"
    );
    assert_eq!(library_href(None, None), "/learn/experiences");
    assert_eq!(
        library_href(Some(crate::ids::WorkshopId(4)), Some("P2")),
        "/learn/experiences?workshop=4&indicator=P2"
    );
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let case = sample("case-a", &["P2", "C4"]);
    let find = |text: &str| {
        CaseFilter {
            text: text.into(),
            ..CaseFilter::default()
        }
        .matches(&case)
    };
    assert!(find(""));
    assert!(find("CUENCA"));
    assert!(find("participatory budget"));
    assert!(find("asambleas PARROQUIALES"));
    assert!(find("cuenca asambleas"));
    assert!(!find("cuenca quito"));
    let accented = sample("case-b", &["P2"]);
    let mut accented = accented;
    accented.what = text("Participación en el cantón");
    let filter = CaseFilter {
        text: "participacion canton".into(),
        ..CaseFilter::default()
    };
    assert!(filter.matches(&accented));
}

#[test]
fn pillar_and_indicator_filters_narrow() {
    let case = sample("case-a", &["P2", "C4"]);
    let by = |pillar: &str, indicator: &str| {
        CaseFilter {
            pillar: pillar.into(),
            indicator: indicator.into(),
            ..CaseFilter::default()
        }
        .matches(&case)
    };
    assert!(by("P", ""));
    assert!(by("c", ""));
    assert!(!by("T", ""));
    assert!(by("", "p2"));
    assert!(!by("", "P3"));
    assert!(!by("C", "P3"));
}

#[test]
fn related_cases_are_those_naming_the_indicator() {
    let cases = [
        sample("case-a", &["P2"]),
        sample("case-b", &["C4", "P2"]),
        sample("case-c", &["T1"]),
    ];
    let links: Vec<String> = related(&cases, "p2")
        .into_iter()
        .map(|l| l.anchor)
        .collect();
    assert_eq!(links, ["case-a", "case-b"]);
    assert!(related(&cases, "R5").is_empty());
}

#[cfg(feature = "ssr")]
mod cases {
    use super::*;

    fn known() -> Vec<String> {
        ["T1", "P2", "C4"].map(String::from).to_vec()
    }

    fn good() -> RawCase<'static> {
        RawCase {
            title: " Presupuesto participativo ",
            place: "Azuay",
            country: "Ecuador",
            level: "regional",
            years: "2023",
            what: "Asambleas en cada parroquia.",
            results: "",
            indicators: "p2, C4 ,P2",
            presented_by: "GAD Provincial del Azuay",
            source_title: "",
            source_url: "https://www.azuay.gob.ec/",
        }
    }

    fn fields(raw: &RawCase<'_>) -> Vec<String> {
        match parse_case(raw, &known()) {
            Err(crate::error::AppError::Validation { fields }) => fields.into_keys().collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_good_case_is_trimmed_and_its_codes_spelled_as_the_framework() {
        let draft = parse_case(&good(), &known()).unwrap();
        assert_eq!(draft.title, "Presupuesto participativo");
        assert_eq!(draft.indicators, ["P2", "C4"]);
        assert_eq!(draft.level, GovLevel::Regional);
        assert_eq!(
            draft.source_url.as_deref(),
            Some("https://www.azuay.gob.ec/")
        );
        let no_source = RawCase {
            source_url: "  ",
            ..good()
        };
        assert_eq!(parse_case(&no_source, &known()).unwrap().source_url, None);
    }

    #[test]
    fn unknown_codes_bad_links_and_oversized_texts_are_named_by_field() {
        assert_eq!(
            fields(&RawCase {
                indicators: "P2, Z9",
                ..good()
            }),
            ["indicators"]
        );
        assert_eq!(
            fields(&RawCase {
                indicators: " , ",
                ..good()
            }),
            ["indicators"]
        );
        for link in [
            "javascript:alert(1)",
            "ftp://x.org/a",
            "www.example.org",
            "https://",
        ] {
            assert_eq!(
                fields(&RawCase {
                    source_url: link,
                    ..good()
                }),
                ["source_url"],
                "{link}"
            );
        }
        let long = "a".repeat(2001);
        assert_eq!(
            fields(&RawCase {
                what: &long,
                ..good()
            }),
            ["what"]
        );
        assert_eq!(
            fields(&RawCase {
                title: &long,
                ..good()
            }),
            ["title"]
        );
        assert_eq!(
            fields(&RawCase {
                years: &long,
                ..good()
            }),
            ["years"]
        );
        assert_eq!(
            fields(&RawCase {
                level: "galactic",
                ..good()
            }),
            ["level"]
        );
        let all = fields(&RawCase {
            title: "",
            place: "",
            indicators: "Q1",
            source_url: "mailto:a@b.c",
            ..good()
        });
        assert_eq!(all, ["indicators", "place", "source_url", "title"]);
    }

    /// The acceptance check of the content: every primer section, glossary entry and
    /// built-in case is written in both languages, every case has a source with an http(s)
    /// address and names indicators of the default framework, anchors are unique, and every
    /// anchor an indicator links to exists.
    #[test]
    fn content_is_complete_in_both_languages_and_sourced() {
        use crate::learning::content;
        let framework = crate::framework::default_framework().expect("default framework");
        let codes: Vec<&str> = framework
            .pillars
            .iter()
            .flat_map(|p| p.indicators.iter().map(|i| i.code.as_str()))
            .collect();
        let primer = content::primer();
        assert!(primer.sections.len() >= 6);
        let mut anchors = std::collections::HashSet::new();
        for s in &primer.sections {
            assert!(s.anchor.starts_with("sec-"), "{}", s.anchor);
            assert!(anchors.insert(s.anchor.clone()), "duplicate {}", s.anchor);
            assert!(s.title.is_complete(), "{}", s.anchor);
            assert!(!s.paragraphs.is_empty(), "{}", s.anchor);
            for p in &s.paragraphs {
                assert!(p.is_complete(), "{}", s.anchor);
                assert_ne!(p.es, p.en, "{} is not translated", s.anchor);
            }
        }
        for g in &primer.glossary {
            assert!(g.anchor.starts_with("term-"), "{}", g.anchor);
            assert!(anchors.insert(g.anchor.clone()), "duplicate {}", g.anchor);
            assert!(
                g.term.is_complete() && g.definition.is_complete(),
                "{}",
                g.anchor
            );
            assert_ne!(g.definition.es, g.definition.en, "{}", g.anchor);
        }
        // The terms the issue names, and the ones the brief adds.
        for term in [
            "term-transparencia-activa",
            "term-transparencia-pasiva",
            "term-rendicion-de-cuentas",
            "term-silla-vacia",
            "term-presupuesto-participativo",
            "term-datos-abiertos",
            "term-co-creacion",
            "term-plan-de-accion",
            "term-compromiso",
            "term-ogp-local",
            "term-foro-multiactor",
            "term-gobierno-abierto",
            "term-lotaip",
        ] {
            assert!(anchors.contains(term), "{term} missing");
        }
        for pillar in &framework.pillars {
            assert!(
                anchors.contains(pillar_anchor(&pillar.code)),
                "{}",
                pillar.code
            );
            for indicator in &pillar.indicators {
                let anchor = primer_anchor(&indicator.code, &pillar.code);
                assert!(anchors.contains(anchor), "{} → {anchor}", indicator.code);
            }
        }
        assert!(anchors.contains(PRIMER_START));

        let cases = content::cases();
        assert!(cases.len() >= 12, "{} cases", cases.len());
        let mut case_anchors = std::collections::HashSet::new();
        for c in &cases {
            assert!(c.anchor.starts_with("case-"));
            assert!(
                case_anchors.insert(c.anchor.clone()),
                "duplicate {}",
                c.anchor
            );
            for (name, t) in [
                ("title", &c.title),
                ("place", &c.place),
                ("country", &c.country),
                ("what", &c.what),
                ("results", &c.results),
            ] {
                assert!(t.is_complete(), "{} {name}", c.anchor);
            }
            assert_ne!(c.what.es, c.what.en, "{}", c.anchor);
            assert_ne!(c.results.es, c.results.en, "{}", c.anchor);
            assert!(!c.years.is_empty(), "{}", c.anchor);
            assert!(!c.sources.is_empty(), "{} has no source", c.anchor);
            for s in &c.sources {
                assert!(!s.title.trim().is_empty(), "{}", c.anchor);
                assert!(
                    crate::assessment::input::is_evidence_url(&s.url),
                    "{}: {}",
                    c.anchor,
                    s.url
                );
            }
            assert!(!c.indicators.is_empty(), "{}", c.anchor);
            for code in &c.indicators {
                assert!(codes.contains(&code.as_str()), "{}: {code}", c.anchor);
            }
            assert!(!c.pillars.is_empty());
        }
        // International and Latin American, sub-national included.
        assert!(
            cases
                .iter()
                .filter(|c| c.level != GovLevel::National)
                .count()
                >= 10
        );
        assert!(cases
            .iter()
            .any(|c| c.country.es == "Ecuador" && c.level == GovLevel::Regional));
        // Every pillar of the default framework is illustrated by some case.
        for pillar in ["T", "P", "R", "C"] {
            assert!(
                cases.iter().any(|c| c.pillars.iter().any(|p| p == pillar)),
                "{pillar}"
            );
        }
    }
}
