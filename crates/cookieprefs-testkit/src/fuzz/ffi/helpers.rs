//! `ffi` operations: Error messages, version, status names, dates.

use super::*;

pub(super) fn op_error_message(input: &mut Input, h: &mut Handles) {
    let mut err = match (input.u8() % 3, h.last_err) {
        (0, Some(e)) => e,
        _ => {
            // Any bytes in the message (the call reads only the message).
            let mut e = garbage_error();
            let n = usize::from(input.u8()) * 2;
            for (d, &b) in e.message.iter_mut().zip(input.bytes(n)) {
                *d = b as std::ffi::c_char;
            }
            if n < COOKIEPREFS_ERROR_MESSAGE_CAP {
                e.message[n] = 0;
            }
            e
        }
    };
    let null_err = null_sel(input);
    let mut buf = Buf::read(input);
    let want: Vec<u8> = err
        .message
        .iter()
        .map(|&c| c as u8)
        .take_while(|&b| b != 0)
        .collect();
    let ptr = if null_err {
        null()
    } else {
        &mut err as *const cookieprefs_error
    };
    // SAFETY: `err` is ours (or NULL); the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_error_message(
            ptr,
            buf.ptr().cast(),
            buf.cap,
            buf.written()
        ))
    };
    let (want, mut abi) = if null_err {
        (None, text_problems(&buf, None))
    } else {
        (Some(want), Vec::new())
    };
    if null_err {
        abi.push(S::NullArgument);
    } else {
        abi = text_problems(&buf, want.as_deref());
    }
    expect("error_message", s, &abi, Ok(()));
    check_text("error_message", s, &buf, want.as_deref());
}

pub(super) fn op_version(_: &mut Input, _: &mut Handles) {
    // SAFETY: a static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(ffi!(cookieprefs_version())) };
    let v = v.to_str().expect("UTF-8");
    let want = format!("{COOKIEPREFS_VERSION_MAJOR}.{COOKIEPREFS_VERSION_MINOR}.{COOKIEPREFS_VERSION_PATCH}");
    assert!(v.starts_with(&want), "version {v}, header {want}");
}

pub(super) fn op_status_str(input: &mut Input, _: &mut Handles) {
    let code = match input.u8() % 4 {
        0 => i32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
        1 => i32::from(input.u8()),
        _ => i32::from(input.u8() % 32),
    };
    // SAFETY: a static NUL-terminated string.
    let name = unsafe { CStr::from_ptr(ffi!(cookieprefs_status_str(code))) }
        .to_str()
        .expect("UTF-8")
        .to_owned();
    assert!(!name.is_empty());
    let kinds = Error::KINDS.len() as i32;
    if (1..=kinds).contains(&code) {
        assert_eq!(name, Error::KINDS[code as usize - 1], "status {code}");
    } else if !(0..=kinds).contains(&code) && !(100..=199).contains(&code) {
        assert_eq!(name, unknown_name(), "status {code}");
    }
}

pub(super) fn op_today(_: &mut Input, _: &mut Handles) {
    let before = Date::today().days_since_epoch();
    let t = ffi!(cookieprefs_today());
    let after = Date::today().days_since_epoch();
    assert!(
        (before..=after).contains(&t),
        "today {t}, Rust {before}..={after}"
    );
}

pub(super) fn op_date_from_ymd(input: &mut Input, _: &mut Handles) {
    let (y, m, d) = match input.u8() % 4 {
        0 => (
            i32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
            u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
            u32::from(input.u8()),
        ),
        _ => (
            i32::from(input.u16() % 300) + 1950,
            u32::from(input.u8() % 14),
            u32::from(input.u8() % 33),
        ),
    };
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: the slot is ours.
    let s = unsafe { ffi!(cookieprefs_date_from_ymd(y, m, d, out.ptr::<u16>())) };
    let model = Date::from_ymd(i64::from(y), m, d).map(|d| u64::from(d.days_since_epoch()));
    getter::<u16>("date_from_ymd", s, &out, &[(null_out, S::NullArgument)], model, 0);
}

pub(super) fn op_date_to_ymd(input: &mut Input, _: &mut Handles) {
    let days = input.u16();
    let nulls = input.u8();
    let mut outs = [
        Slot::new(nulls % 16 == 15),
        Slot::new(nulls % 16 == 14),
        Slot::new(nulls % 16 == 13),
    ];
    let [y, m, d] = &mut outs;
    // SAFETY: the slots are ours.
    let s = unsafe {
        ffi!(cookieprefs_date_to_ymd(
            days,
            y.ptr::<i32>(),
            m.ptr::<u32>(),
            d.ptr::<u32>()
        ))
    };
    let any_null = outs.iter().any(Slot::is_null);
    expect(
        "date_to_ymd",
        s,
        &problems(&[(any_null, S::NullArgument)]),
        Ok(()),
    );
    if s == S::Ok {
        let (yy, mm, dd) = Date::from_days_since_epoch(days).ymd();
        assert_eq!(
            (
                outs[0].get::<i32>() as i64,
                outs[1].get::<u32>(),
                outs[2].get::<u32>()
            ),
            (yy, u64::from(mm), u64::from(dd))
        );
    } else {
        for o in &outs {
            o.closed::<u32>("date_to_ymd", s, 0);
        }
    }
}
