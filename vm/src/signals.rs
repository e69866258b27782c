//! What happens when a process exits: links and monitors are told, names are freed.

use crate::atom::atoms;
use crate::display::display;
use crate::heap::gc::copy_term;
use crate::heap::Heap;
use crate::process::{Process, Status};
use crate::term::Term;
use crate::vm::Vm;
use std::collections::VecDeque;

impl Vm {
    /// Ends `proc` with `reason` and propagates exit signals and `'DOWN'` messages,
    /// breadth-first (a long chain of links cannot overflow the Rust stack).
    pub fn exit_process(&mut self, proc: Box<Process>, reason: Term) {
        let mut queue: VecDeque<(Box<Process>, Term)> = VecDeque::new();
        queue.push_back((proc, reason));
        while let Some((mut proc, reason)) = queue.pop_front() {
            let pid = proc.pid;
            proc.status = Status::Exited;
            if pid == self.main.0 && reason != atoms::normal {
                self.main.1 = Some(self.crash_report(&proc, reason));
            }
            if let Some(flag) = self.exited.get_mut(pid as usize) {
                *flag = true;
            }
            let procs = &self.procs;
            let alive = |p: u32| matches!(procs.get(p as usize), Some(Some(_)));
            let transfers = self.ets.drop_owned_by(pid, alive, &mut self.atoms);
            for (heir, heap, message) in transfers {
                self.deliver(heir, message, &heap);
            }
            if let Some(name) = proc.name.take() {
                self.registry.remove(&name);
            }
            self.io_process_exited(pid);
            for watched in std::mem::take(&mut proc.monitors) {
                if let Some(Some(p)) = self.procs.get_mut(watched.pid as usize) {
                    p.monitored_by.retain(|m| m.reference != watched.reference);
                }
            }
            for monitor in std::mem::take(&mut proc.monitored_by) {
                let mut scratch = Heap::default();
                let r = copy_term(&proc.heap, reason, &mut scratch);
                let reference = scratch.reference(monitor.reference);
                let who = match monitor.name {
                    Some(name) => scratch.tuple(&[Term::atom(name), atoms::nonode_nohost]),
                    None => Term::pid(pid),
                };
                let kind = if monitor.port {
                    atoms::port
                } else {
                    atoms::process
                };
                let msg = scratch.tuple(&[atoms::DOWN, reference, kind, who, r]);
                self.deliver(monitor.pid, msg, &scratch);
            }
            for linked in std::mem::take(&mut proc.links) {
                let Some(Some(target)) = self.procs.get_mut(linked as usize) else {
                    continue;
                };
                target.links.remove(&pid);
                if target.trap_exit {
                    let mut scratch = Heap::default();
                    let r = copy_term(&proc.heap, reason, &mut scratch);
                    let msg = scratch.tuple(&[atoms::EXIT, Term::pid(pid), r]);
                    self.deliver(linked, msg, &scratch);
                } else if reason != atoms::normal {
                    if let Some(target) = self.procs.get_mut(linked as usize).and_then(Option::take)
                    {
                        let mut target = target;
                        // A process that ended with reason `kill` sends an ordinary
                        // exit signal `kill` to its links (only exit/2 kills untrappably,
                        // as `killed`).
                        let r = copy_term(&proc.heap, reason, &mut target.heap);
                        queue.push_back((target, r));
                    }
                }
            }
        }
    }

    /// Sends the exit signal `reason` from `from` to `target` (which is not running).
    pub fn signal_exit(&mut self, target: u32, from: u32, reason: Term, src: &Heap) {
        let Some(Some(t)) = self.procs.get_mut(target as usize) else {
            return;
        };
        if reason == atoms::kill {
            if let Some(t) = self.procs.get_mut(target as usize).and_then(Option::take) {
                self.exit_process(t, atoms::killed);
            }
        } else if t.trap_exit {
            let mut scratch = Heap::default();
            let r = copy_term(src, reason, &mut scratch);
            let msg = scratch.tuple(&[atoms::EXIT, Term::pid(from), r]);
            self.deliver(target, msg, &scratch);
        } else if reason != atoms::normal {
            if let Some(mut t) = self.procs.get_mut(target as usize).and_then(Option::take) {
                let r = copy_term(src, reason, &mut t.heap);
                self.exit_process(t, r);
            }
        }
    }

    /// The text printed when the start process dies.
    pub fn crash_report(&self, proc: &Process, reason: Term) -> String {
        let mem = proc.heap.mem(&self.literals);
        let mut bytes = Vec::new();
        display(&mem, &self.atoms, reason, &mut bytes);
        let text = String::from_utf8_lossy(&bytes);
        let (m, f, a) = proc.initial_call;
        format!(
            "=CRASH REPORT==== process <0.{}.0> started as {}:{}/{} terminated\n  reason: {}\n",
            proc.pid,
            self.atoms.name(m),
            self.atoms.name(f),
            a,
            text
        )
    }
}
