//! Flashing progress in bytes, condensed from probe-rs's progress events.

use probe_rs::flashing::{ProgressEvent, ProgressOperation};

/// A step of [`crate::flash`], reported as it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Erasing flash sectors: `done` of `total` bytes (`total` is 0 while unknown).
    Erasing {
        /// Bytes erased so far.
        done: u64,
        /// Bytes to erase.
        total: u64,
    },
    /// Writing the archive: `done` of `total` bytes.
    Programming {
        /// Bytes written so far.
        done: u64,
        /// Bytes to write.
        total: u64,
    },
    /// Reading the flash back to compare it with the archive.
    Verifying,
    /// Written, verified, and the chip restarted.
    Done,
}

/// Turns probe-rs events into [`Progress`] values.
#[derive(Debug, Default)]
pub(crate) struct Tracker {
    erase: (u64, Option<u64>),
    program: (u64, Option<u64>),
}

impl Tracker {
    /// The [`Progress`] that `event` amounts to, if any.
    pub(crate) fn update(&mut self, event: &ProgressEvent) -> Option<Progress> {
        match event {
            ProgressEvent::AddProgressBar { operation, total } => {
                let slot = self.slot(*operation)?;
                slot.1 = total.map(|t| t + slot.1.unwrap_or(0));
                None
            }
            ProgressEvent::Started(ProgressOperation::Verify) => Some(Progress::Verifying),
            ProgressEvent::Started(operation) => {
                self.slot(*operation)?;
                self.report(*operation)
            }
            ProgressEvent::Progress {
                operation, size, ..
            } => {
                let slot = self.slot(*operation)?;
                slot.0 += size;
                self.report(*operation)
            }
            _ => None,
        }
    }

    fn slot(&mut self, operation: ProgressOperation) -> Option<&mut (u64, Option<u64>)> {
        match operation {
            ProgressOperation::Erase => Some(&mut self.erase),
            ProgressOperation::Program => Some(&mut self.program),
            ProgressOperation::Fill | ProgressOperation::Verify => None,
        }
    }

    fn report(&self, operation: ProgressOperation) -> Option<Progress> {
        let total = |(done, total): (u64, Option<u64>)| total.unwrap_or(0).max(done);
        match operation {
            ProgressOperation::Erase => Some(Progress::Erasing {
                done: self.erase.0,
                total: total(self.erase),
            }),
            ProgressOperation::Program => Some(Progress::Programming {
                done: self.program.0,
                total: total(self.program),
            }),
            ProgressOperation::Fill | ProgressOperation::Verify => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn step(operation: ProgressOperation, size: u64) -> ProgressEvent {
        ProgressEvent::Progress {
            operation,
            size,
            time: Duration::from_millis(1),
        }
    }

    #[test]
    fn reports_bytes_of_each_phase_in_order() {
        use ProgressOperation::*;
        let events = [
            ProgressEvent::FlashLayoutReady {
                flash_layout: vec![],
            },
            ProgressEvent::AddProgressBar {
                operation: Erase,
                total: Some(0x2_0000),
            },
            ProgressEvent::AddProgressBar {
                operation: Program,
                total: Some(0x1000),
            },
            ProgressEvent::AddProgressBar {
                operation: Verify,
                total: Some(0x1000),
            },
            ProgressEvent::Started(Erase),
            step(Erase, 0x2_0000),
            ProgressEvent::Finished(Erase),
            ProgressEvent::Started(Program),
            step(Program, 0x800),
            step(Program, 0x800),
            ProgressEvent::Finished(Program),
            ProgressEvent::Started(Verify),
            step(Verify, 0x1000),
            ProgressEvent::Finished(Verify),
        ];
        let mut tracker = Tracker::default();
        let seen: Vec<Progress> = events.iter().filter_map(|e| tracker.update(e)).collect();
        assert_eq!(
            seen,
            [
                Progress::Erasing {
                    done: 0,
                    total: 0x2_0000
                },
                Progress::Erasing {
                    done: 0x2_0000,
                    total: 0x2_0000
                },
                Progress::Programming {
                    done: 0,
                    total: 0x1000
                },
                Progress::Programming {
                    done: 0x800,
                    total: 0x1000
                },
                Progress::Programming {
                    done: 0x1000,
                    total: 0x1000
                },
                Progress::Verifying,
            ]
        );
    }

    #[test]
    fn unknown_totals_never_fall_below_done() {
        let mut tracker = Tracker::default();
        tracker.update(&ProgressEvent::AddProgressBar {
            operation: ProgressOperation::Erase,
            total: None,
        });
        assert_eq!(
            tracker.update(&step(ProgressOperation::Erase, 0x4000)),
            Some(Progress::Erasing {
                done: 0x4000,
                total: 0x4000
            })
        );
        assert_eq!(tracker.update(&step(ProgressOperation::Fill, 1)), None);
    }
}
