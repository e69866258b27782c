//! Serial ports: listing USB serial devices, choosing one (`auto`), opening one with a
//! precise error when it is missing, busy or not allowed.

use crate::error::EspError;
use serialport::{SerialPortType, TTYPort};
use std::time::Duration;

/// A serial port a board may be on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortInfo {
    /// Device path, e.g. `/dev/ttyUSB0`.
    pub name: String,
    /// USB vendor and product ids.
    pub usb: Option<(u16, u16)>,
    /// Manufacturer and product strings, when the device has them.
    pub description: String,
}

/// The USB serial ports of this machine.
pub fn usb_ports() -> Vec<PortInfo> {
    let ports = serialport::available_ports().unwrap_or_default();
    ports
        .into_iter()
        .filter_map(|p| match p.port_type {
            SerialPortType::UsbPort(usb) => Some(PortInfo {
                description: [usb.manufacturer, usb.product]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                usb: Some((usb.vid, usb.pid)),
                name: p.port_name,
            }),
            _ => None,
        })
        .collect()
}

/// The port to use: `name` itself, or for `auto` the only USB serial port.
pub fn choose(name: &str) -> Result<String, EspError> {
    if name != "auto" {
        return Ok(name.to_owned());
    }
    match usb_ports().as_slice() {
        [] => Err(EspError::NoPorts),
        [one] => Ok(one.name.clone()),
        many => Err(EspError::SeveralPorts {
            ports: many
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Opens `name` at the bootloader's initial 115200 baud.
pub fn open(name: &str) -> Result<TTYPort, EspError> {
    if !std::path::Path::new(name).exists() {
        return Err(EspError::PortMissing {
            port: name.to_owned(),
        });
    }
    serialport::new(name, 115_200)
        .timeout(Duration::from_secs(3))
        .open_native()
        .map_err(|e| {
            let port = name.to_owned();
            let text = e.to_string();
            let lower = text.to_lowercase();
            if lower.contains("busy") || lower.contains("lock") {
                EspError::PortBusy { port }
            } else if lower.contains("permission") {
                EspError::PortPermission { port }
            } else if lower.contains("no such") || lower.contains("not found") {
                EspError::PortMissing { port }
            } else {
                EspError::PortOpen {
                    port,
                    message: text,
                }
            }
        })
}
