//! AtomVM's peripheral modules (`gpio`, `i2c`, `spi`, `uart`, `ledc`, `esp`, ...):
//! device drivers that do not exist on the host. Calling one raises `undef`, as any
//! missing module does, and the VM says once on standard error which module it was.

/// The modules AtomVM provides on devices only.
const PERIPHERALS: &[&str] = &[
    "gpio",
    "i2c",
    "spi",
    "uart",
    "ledc",
    "esp",
    "esp_adc",
    "adc",
    "pwm",
    "network",
    "esp_wifi",
    "esp_nvs",
    "nvs",
    "i2c_bus",
    "pico",
    "rp2",
    "stm32",
    "avm_network",
    "bluetooth",
];

/// Whether `module` is one of AtomVM's device-only peripheral modules.
pub fn is_peripheral(module: &str) -> bool {
    PERIPHERALS.contains(&module)
}

/// The note printed the first time a program calls peripheral module `module`.
pub fn note(module: &str) -> String {
    format!(
        "atomvm: `{module}` is an AtomVM peripheral module, available on devices only: \
         calls to it raise undef on the host VM"
    )
}
