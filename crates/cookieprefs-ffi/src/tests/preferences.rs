//! Value handles: decode, read, build, change, encode.

use super::*;

#[test]
fn decode_read_every_field_and_encode_back() {
    let p = decode(TYPICAL);
    let (mut st, mut rev, mut c, mut u, mut m, mut slots, mut len) = (
        cookieprefs_state::NotAsked,
        0u16,
        0u16,
        0u16,
        cookieprefs_method::Imported,
        0u8,
        0usize,
    );
    // SAFETY: valid handle and out-pointers throughout.
    unsafe {
        assert_eq!(cookieprefs_preferences_state(p, 1, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(cookieprefs_preferences_state(p, 2, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Denied);
        assert_eq!(cookieprefs_preferences_state(p, 0, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(cookieprefs_preferences_state(p, 40, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::NotAsked);
        assert_eq!(cookieprefs_preferences_state(p, 64, &mut st), S::InvalidCategory);
        assert_eq!(cookieprefs_preferences_revision(p, &mut rev), S::Ok);
        assert_eq!(cookieprefs_preferences_created_days(p, &mut c), S::Ok);
        assert_eq!(cookieprefs_preferences_updated_days(p, &mut u), S::Ok);
        assert_eq!(cookieprefs_preferences_method(p, &mut m), S::Ok);
        assert_eq!(cookieprefs_preferences_slot_count(p, &mut slots), S::Ok);
        assert_eq!(cookieprefs_preferences_encoded_len(p, &mut len), S::Ok);
        let mut id = [7u8; 16];
        let mut has = true;
        assert_eq!(
            cookieprefs_preferences_consent_id(p, id.as_mut_ptr(), &mut has),
            S::Ok
        );
        assert!(!has);
        assert_eq!(id, [0u8; 16], "zeroed without an id");
    }
    assert_eq!(
        (rev, c, u, m, slots, len),
        (3, DAY, DAY, cookieprefs_method::Banner, 3, 12)
    );
    assert_eq!(encode(p), "BAADCdcJ1w5Q");
    // SAFETY: a live handle, freed once; NULL is a no-op.
    unsafe {
        cookieprefs_preferences_free(p);
        cookieprefs_preferences_free(null_mut());
    }
}

#[test]
fn decode_errors_are_statuses_and_out_is_null() {
    for (v, want) in [
        (&b""[..], S::Empty),
        (b"BAADCdcJ1w5Q=", S::InvalidCharacter),
        (b"CAADCdcJ1w5Q", S::UnsupportedVersion),
        (b"BAADCdcJ1w5", S::Truncated),
        (b"BAADCdcJ1w5QA", S::TrailingData),
        (b"BAADCdcJ1w5R", S::NonZeroPadding),
        (&[0xff, 0xfe][..], S::InvalidCharacter),
    ] {
        let mut sentinel = 0u8;
        let marker: *mut cookieprefs_preferences = (&mut sentinel as *mut u8).cast();
        let mut p = marker;
        // SAFETY: valid slice and out-pointer.
        assert_eq!(
            unsafe { cookieprefs_preferences_decode(v.as_ptr(), v.len(), &mut p) },
            want
        );
        assert!(p.is_null(), "NULL on failure");
    }
    let mut p = null_mut();
    // SAFETY: NULL arguments are checked.
    unsafe {
        assert_eq!(cookieprefs_preferences_decode(null(), 0, &mut p), S::Empty);
        assert_eq!(cookieprefs_preferences_decode(null(), 5, &mut p), S::NullArgument);
        assert_eq!(
            cookieprefs_preferences_decode(TYPICAL.as_ptr(), 12, null_mut()),
            S::NullArgument
        );
    }
}

#[test]
fn build_a_value_with_every_setter() {
    let mut p = null_mut();
    let id: [u8; 16] = *b"\x67\xe5\x50\x44\x10\xb1\x42\x6f\x92\x47\xbb\x68\x0e\x5f\xe0\xc8";
    // SAFETY: valid handle and arguments throughout.
    unsafe {
        assert_eq!(cookieprefs_preferences_new(DAY, &mut p), S::Ok);
        assert_eq!(cookieprefs_preferences_set_state(p, 1, 2), S::Ok);
        assert_eq!(cookieprefs_preferences_set_state(p, 2, 1), S::Ok);
        assert_eq!(cookieprefs_preferences_set_state(p, 3, 1), S::Ok);
        assert_eq!(cookieprefs_preferences_set_revision(p, 3), S::Ok);
        assert_eq!(encode(p), "BAADCdcJ1w5Q");

        // Refused changes leave the handle as it was.
        assert_eq!(cookieprefs_preferences_set_state(p, 0, 1), S::NecessaryNotStored);
        assert_eq!(cookieprefs_preferences_set_state(p, 64, 1), S::InvalidCategory);
        assert_eq!(cookieprefs_preferences_set_state(p, 1, 3), S::UnknownName);
        assert_eq!(
            cookieprefs_preferences_set_revision(p, 4096),
            S::RevisionOutOfRange
        );
        assert_eq!(
            cookieprefs_preferences_set_dates(p, DAY, DAY - 1),
            S::DatesOutOfOrder
        );
        assert_eq!(cookieprefs_preferences_set_method(p, 4), S::UnknownName);
        assert_eq!(encode(p), "BAADCdcJ1w5Q");

        assert_eq!(cookieprefs_preferences_set_dates(p, DAY - 30, DAY), S::Ok);
        assert_eq!(cookieprefs_preferences_set_method(p, 1), S::Ok);
        assert_eq!(cookieprefs_preferences_set_consent_id(p, id.as_ptr()), S::Ok);
        let mut got = [0u8; 16];
        let mut has = false;
        assert_eq!(
            cookieprefs_preferences_consent_id(p, got.as_mut_ptr(), &mut has),
            S::Ok
        );
        assert!(has);
        assert_eq!(got, id);
        assert_eq!(cookieprefs_preferences_set_consent_id(p, null()), S::Ok);
        assert_eq!(
            cookieprefs_preferences_consent_id(p, got.as_mut_ptr(), &mut has),
            S::Ok
        );
        assert!(!has);
        assert_eq!(
            cookieprefs_preferences_set_state(null_mut(), 1, 2),
            S::NullArgument
        );
        cookieprefs_preferences_free(p);
    }
}

#[test]
fn encode_into_short_buffers() {
    let p = decode(TYPICAL);
    let mut buf = [b'#'; 13];
    let mut n = 0;
    // SAFETY: valid handle; the buffers are as long as the caps passed.
    unsafe {
        assert_eq!(
            cookieprefs_preferences_encode(p, buf.as_mut_ptr(), 12, &mut n),
            S::BufferTooSmall
        );
        assert_eq!(n, 13, "capacity needed, NUL included");
        assert_eq!(buf[0], 0, "an empty string");
        assert!(buf[1..].iter().all(|&b| b == b'#'), "the rest untouched");
        assert_eq!(
            cookieprefs_preferences_encode(p, null_mut(), 0, &mut n),
            S::BufferTooSmall
        );
        assert_eq!(
            cookieprefs_preferences_encode(p, null_mut(), 13, &mut n),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_preferences_encode(p, buf.as_mut_ptr(), 13, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_preferences_encode(p, buf.as_mut_ptr(), 13, &mut n),
            S::Ok
        );
        assert_eq!(&buf[..13], b"BAADCdcJ1w5Q\0");
        cookieprefs_preferences_free(p);
    }
}

/// Handles made and freed in turn each hold their own value, and handles move
/// freely between threads (made on one, freed on another).
#[test]
fn handles_hold_their_own_value_across_threads() {
    let values = ["BAADCdcJ1w5Q", "BAAAAAAAAAA", "BAADCdcJ1w6g"];
    for round in 0..3 {
        for v in values {
            let p = decode(v.as_bytes());
            let mut st = cookieprefs_state::Denied;
            // SAFETY: a live handle and a valid out-pointer.
            unsafe {
                assert_eq!(cookieprefs_preferences_state(p, 1, &mut st), S::Ok);
                cookieprefs_preferences_free(p);
            }
            let want = cookieprefs::decode(v)
                .unwrap()
                .state(cookieprefs::Category::STATISTICS);
            assert_eq!(st as u8, want as u8, "{v} in round {round}");
        }
    }
    // Made here, freed on another thread (its spare), and the other way.
    struct Handle(*mut cookieprefs_preferences);
    // SAFETY: value handles are Send + Sync (docs/C_API.md); this moves one.
    unsafe impl Send for Handle {}
    let p = Handle(decode(b"BAADCdcJ1w5Q"));
    let q = std::thread::spawn(move || {
        let p = p;
        // SAFETY: a live handle, freed once; a fresh one handed back.
        unsafe { cookieprefs_preferences_free(p.0) };
        Handle(decode(b"BAAAAAAAAAA"))
    })
    .join()
    .unwrap()
    .0;
    let mut slots = 9u8;
    // SAFETY: a live handle, freed once.
    unsafe {
        assert_eq!(cookieprefs_preferences_slot_count(q, &mut slots), S::Ok);
        cookieprefs_preferences_free(q);
    }
    assert_eq!(slots, 0);
}
