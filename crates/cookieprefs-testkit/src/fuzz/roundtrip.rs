//! The `roundtrip` check: accepted strings re-encode to themselves; values
//! built from arbitrary fields encode and decode back.

use cookieprefs::{decode, Category, ConsentId, Date, Error, Method, Preferences, State, MAX_REVISION};

use super::{category, Input};

/// `roundtrip`: (a) if the input decodes, it re-encodes to itself byte for
/// byte; (b) a `Preferences` built from fields read from the input either is
/// refused for the right reason or encodes and decodes back to itself.
pub fn check(data: &[u8]) {
    if let Ok(p) = decode(data) {
        assert_eq!(
            p.encode().as_bytes(),
            data,
            "decode then encode changed the value"
        );
        assert_eq!(p.to_string().as_bytes(), data);
    }
    structured_roundtrip(&mut Input::new(data));
}

/// What a structured value is built from, with a plain model of the result.
pub(crate) struct Built {
    pub(crate) result: Result<Preferences, Error>,
    pub(crate) states: [State; 64],
    pub(crate) revision: u32,
    pub(crate) created: Date,
    pub(crate) updated: Date,
    pub(crate) method: Method,
    pub(crate) consent_id: Option<ConsentId>,
}

pub(crate) fn build_preferences(input: &mut Input) -> Built {
    let revision = u32::from(input.u16()) % 4400;
    let created = Date::from_days_since_epoch(input.u16());
    let updated = Date::from_days_since_epoch(input.u16());
    let method = Method::from_code(input.u8());
    let consent_id = input.bool().then(|| ConsentId::from_u128(input.u128()));
    let mut states = [State::NotAsked; 64];
    let mut necessary_set = false;
    let mut b = Preferences::builder(created)
        .updated(updated)
        .revision(revision)
        .method(method)
        .consent_id(consent_id);
    for _ in 0..input.u8() % 80 {
        let c = category(input.u8());
        let st = match input.u8() % 3 {
            0 => State::NotAsked,
            1 => State::Denied,
            _ => State::Granted,
        };
        if c == Category::NECESSARY {
            necessary_set = true;
        } else {
            states[c.id() as usize] = st;
        }
        b = match st {
            State::Granted if input.bool() => b.grant(c),
            State::Denied if input.bool() => b.deny(c),
            _ => b.set(c, st),
        };
    }
    let result = b.build();
    let want_err = if necessary_set {
        Some("necessary_not_stored")
    } else if revision > u32::from(MAX_REVISION) {
        Some("revision_out_of_range")
    } else if updated < created {
        Some("dates_out_of_order")
    } else {
        None
    };
    assert_eq!(result.as_ref().err().map(Error::kind), want_err, "{result:?}");
    Built {
        result,
        states,
        revision,
        created,
        updated,
        method,
        consent_id,
    }
}

fn structured_roundtrip(input: &mut Input) {
    let built = build_preferences(input);
    let Ok(p) = built.result else { return };
    // The value holds what the builder was told.
    assert_eq!(u32::from(p.revision()), built.revision);
    assert_eq!((p.created(), p.updated()), (built.created, built.updated));
    assert_eq!(p.method(), built.method);
    assert_eq!(p.consent_id(), built.consent_id);
    let mut highest = 0;
    for id in 1..64u8 {
        let c = category(id);
        assert_eq!(p.state(c), built.states[id as usize], "category {id}");
        if built.states[id as usize] != State::NotAsked {
            highest = id;
        }
    }
    assert_eq!(p.slot_count(), highest);
    assert_eq!(
        p.decided().count(),
        built.states.iter().filter(|s| **s != State::NotAsked).count()
    );

    // Encode, decode back.
    let s = p.encode();
    assert_eq!(s.len(), p.encoded_len());
    assert!((11..=53).contains(&s.len()));
    assert_eq!(decode(&s), Ok(p), "{s}");
    assert_eq!(p.to_string(), s);
    assert_eq!(p.to_builder().build(), Ok(p));
    assert_eq!(Preferences::from_json(&p.to_json()), Ok(p));

    // encode_into: whole value or BufferTooSmall with the buffer untouched.
    let len = usize::from(input.u8() % 64);
    let mut buf = [b'#'; 64];
    match p.encode_into(&mut buf[..len]) {
        Ok(n) => {
            assert!(len >= s.len());
            assert_eq!(&buf[..n], s.as_bytes());
            assert!(buf[n..].iter().all(|&b| b == b'#'));
        }
        Err(Error::BufferTooSmall { needed, len: given }) => {
            assert_eq!((needed, given), (s.len(), len));
            assert!(len < s.len());
            assert!(buf.iter().all(|&b| b == b'#'), "buffer written on error");
        }
        Err(e) => panic!("encode_into: {e:?}"),
    }
}
