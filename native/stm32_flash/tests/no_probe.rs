//! `flash` on a machine without a debug probe: it must fail at once with the message
//! that says what to connect, not hang or panic. (Skipped when a probe is attached.)

use std::time::{Duration, Instant};

use stm32_flash::{flash, list_probes, ProbeSelector, Stm32Error, Target};

fn archive() -> Vec<u8> {
    let mut avm = b"#!/usr/bin/env AtomVM\n\0\0".to_vec();
    avm.resize(4096, 0);
    avm
}

fn target() -> Target {
    Target {
        chip: "STM32F407VGTx".into(),
        app_offset: 0x0808_0000,
        app_size: 0x8_0000,
    }
}

#[test]
fn no_probe_is_reported_quickly_with_the_fix() {
    if !list_probes().unwrap().is_empty() {
        eprintln!("a debug probe is attached: skipping");
        return;
    }
    let mut steps = Vec::new();
    let started = Instant::now();
    let result = flash(&archive(), &target(), &ProbeSelector::Any, &mut |p| {
        steps.push(p)
    });
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    let e = result.unwrap_err();
    assert!(matches!(e, Stm32Error::NoProbe { .. }));
    assert_eq!(
        e.to_string(),
        "no debug probe found (looked for any probe): connect an ST-Link/CMSIS-DAP/J-Link \
         probe; `mix atomvm.stm32.flash --list-probes` lists what is connected"
    );
    assert!(steps.is_empty());

    let selector: ProbeSelector = "0483:374b:066DFF".parse().unwrap();
    let e = flash(&archive(), &target(), &selector, &mut |_| {}).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("no debug probe found (looked for 0483:374b:066DFF): "),
        "{e}"
    );
}

#[test]
fn checks_come_before_the_probe() {
    let e = flash(b"\x7fELF....", &target(), &ProbeSelector::Any, &mut |_| {}).unwrap_err();
    assert!(matches!(e, Stm32Error::NotAnArchive), "{e}");
    let mut vm_area = target();
    vm_area.app_offset = 0x0800_0000;
    let e = flash(&archive(), &vm_area, &ProbeSelector::Any, &mut |_| {}).unwrap_err();
    assert!(matches!(e, Stm32Error::OverlapsVm { .. }), "{e}");
    let mut unknown = target();
    unknown.chip = "STM32F999ZZTx".into();
    let e = flash(&archive(), &unknown, &ProbeSelector::Any, &mut |_| {}).unwrap_err();
    assert!(matches!(e, Stm32Error::UnknownChip { .. }), "{e}");
}
