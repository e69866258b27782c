//! The VM: atoms, literals, modules, processes, the run queue and timers.

use crate::atom::{atoms, AtomTable};
use crate::code_path::CodePath;
use crate::heap::gc::copy_term;
use crate::heap::Heap;
use crate::interp::{self, Yield, SLICE, X_REGS};
use crate::loader;
use crate::module::{Mfa, Module};
use crate::process::{Process, Status};
use crate::term::{Area, CodeAddr, Term};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// What a timer does when it fires.
#[derive(Debug)]
pub enum TimerAction {
    /// End a `receive ... after`.
    ReceiveTimeout {
        /// The waiting process.
        pid: u32,
    },
    /// Deliver a message (`erlang:send_after/3`, `start_timer/3`).
    Send {
        /// Destination pid or registered name.
        to: Term,
        /// The message, in its own heap.
        heap: Heap,
        /// The message term within `heap`.
        message: Term,
    },
}

/// Where a message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// To this process.
    Process(u32),
    /// To this port (`{Pid, {command, Data}}`, `{Pid, close}`, `{Pid, {connect, New}}`).
    Port(u32),
    /// Nowhere: a reference that is not an active alias (dropped, as BEAM does).
    Nowhere,
    /// Not a destination: `badarg`.
    Invalid,
}

/// The VM.
pub struct Vm {
    /// Atom table.
    pub atoms: AtomTable,
    /// Peripheral modules (`gpio`, ...) whose absence was already pointed out.
    pub peripheral_notes: std::collections::HashSet<u32>,
    /// Functions already named as missing from the device's library (device mode).
    pub device_notes: std::collections::HashSet<crate::module::Mfa>,
    /// The literal arena.
    pub literals: Heap,
    /// Loaded modules by index.
    pub modules: Vec<Rc<Module>>,
    /// Module index by name atom.
    pub by_name: HashMap<u32, u32>,
    /// Where modules are found.
    pub code_path: CodePath,
    /// Modules that failed to load, with the reason.
    pub load_errors: HashMap<u32, String>,
    /// Processes by pid (`None` while running or after exit).
    pub procs: Vec<Option<Box<Process>>>,
    /// Exited processes' pids.
    pub exited: Vec<bool>,
    /// Runnable pids.
    pub run_queue: VecDeque<u32>,
    /// Registered names.
    pub registry: HashMap<u32, u32>,
    /// Timers by deadline (ms since start) and id.
    pub timer_queue: BinaryHeap<Reverse<(u64, u64)>>,
    /// Pending timers by id.
    pub timers: HashMap<u64, (u64, TimerAction)>,
    /// Next reference / timer id.
    pub next_id: u64,
    /// When the VM started.
    pub started: Instant,
    /// Standard output, buffered.
    pub out: std::io::BufWriter<std::io::Stdout>,
    /// The pid that is running now (its entry in `procs` is empty meanwhile).
    pub current: u32,
    /// Print every executed instruction to stderr (`ATOMVM_TRACE=1`).
    pub trace: bool,
    /// Print every exception raised to stderr (`ATOMVM_TRACE_EXCEPTIONS=1`).
    pub trace_exceptions: bool,
    /// Messages sent to the running process by other processes' exits (from a
    /// native function): each in its own heap, moved into its mailbox after the call.
    pub to_current: Vec<(Heap, Term)>,
    /// `persistent_term` entries, key and value copied into the literal arena.
    pub persistent: Vec<(Term, Term)>,
    /// Active process aliases (`alias/0`, `monitor/3` with `{alias, _}`): reference id
    /// → the process that messages sent to the reference go to.
    pub aliases: HashMap<u64, u32>,
    /// ETS tables.
    pub ets: crate::bif::ets::Tables,
    /// The start process, and the crash report when an exit signal killed it.
    pub main: (u32, Option<String>),
    /// Sockets and the poller.
    pub io: crate::io::Io,
    /// What `erlang:system_flag/2` has set.
    pub flags: crate::bif::system_flag::SystemFlags,
}

impl Vm {
    /// A VM that loads modules from `code_path`.
    pub fn new(code_path: CodePath) -> Self {
        Vm {
            atoms: AtomTable::default(),
            peripheral_notes: std::collections::HashSet::new(),
            device_notes: std::collections::HashSet::new(),
            literals: Heap::new(Area::Literal),
            modules: Vec::new(),
            by_name: HashMap::new(),
            code_path,
            load_errors: HashMap::new(),
            procs: Vec::new(),
            exited: Vec::new(),
            run_queue: VecDeque::new(),
            registry: HashMap::new(),
            timer_queue: BinaryHeap::new(),
            timers: HashMap::new(),
            next_id: 1,
            started: Instant::now(),
            out: std::io::BufWriter::new(std::io::stdout()),
            current: 0,
            trace: std::env::var_os("ATOMVM_TRACE").is_some(),
            trace_exceptions: std::env::var_os("ATOMVM_TRACE_EXCEPTIONS").is_some(),
            to_current: Vec::new(),
            persistent: Vec::new(),
            aliases: HashMap::new(),
            ets: crate::bif::ets::Tables::default(),
            main: (u32::MAX, None),
            io: crate::io::Io::default(),
            flags: crate::bif::system_flag::SystemFlags::default(),
        }
    }

    /// Milliseconds since the VM started.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// A fresh unique id (references, timers).
    pub fn fresh_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The index of module `name`, loading it on first use.
    pub fn module_index(&mut self, name: u32) -> Option<u32> {
        if let Some(&i) = self.by_name.get(&name) {
            return Some(i);
        }
        if self.load_errors.contains_key(&name) {
            return None;
        }
        let text = self.atoms.name(name).to_owned();
        let bytes = self.code_path.find(&text)?;
        let index = self.modules.len() as u32;
        match loader::load(index, &bytes, &mut self.atoms, &mut self.literals) {
            Ok(module) if module.name == name => {
                self.modules.push(Rc::new(module));
                self.by_name.insert(name, index);
                Some(index)
            }
            Ok(_) => {
                self.load_errors
                    .insert(name, "the file defines another module".into());
                None
            }
            Err(e) => {
                eprintln!("atomvm: cannot load module {text}: {e}");
                self.load_errors.insert(name, e.to_string());
                None
            }
        }
    }

    /// The entry of exported function `mfa`, loading its module if needed.
    pub fn export(&mut self, mfa: Mfa) -> Option<CodeAddr> {
        let m = self.module_index(mfa.module)?;
        let module = self.modules.get(m as usize)?;
        let ip = *module.exports.get(&(mfa.function, mfa.arity))?;
        Some(CodeAddr { module: m, ip })
    }

    /// The definition of record `name` of `module` (atom indexes), if that module is
    /// loaded. OTP 29.1 does not load a module for `#module:name{}`: a record of a
    /// module not loaded yet is `badrecord`.
    pub fn record_def(
        &self,
        module: u32,
        name: u32,
    ) -> Option<std::rc::Rc<crate::records::RecordDef>> {
        let m = *self.by_name.get(&module)?;
        self.modules.get(m as usize)?.record(name).cloned()
    }

    /// Where a new process starts to call `module:function/arity` through `apply` (for
    /// functions with no Erlang code, such as BIFs): its X registers must hold the
    /// arguments, then the module and function atoms.
    pub fn trampoline(&mut self, arity: u8) -> CodeAddr {
        let name = self.atoms.intern("$atomvm_trampoline");
        let index = match self.by_name.get(&name) {
            Some(i) => *i,
            None => {
                let index = self.modules.len() as u32;
                let mut code = Vec::with_capacity(512);
                for a in 0..=255u8 {
                    code.push(crate::module::Instr::Apply { arity: a });
                    code.push(crate::module::Instr::Return);
                }
                self.modules.push(Rc::new(Module {
                    index,
                    name,
                    code,
                    exports: HashMap::new(),
                    functions: Vec::new(),
                    imports: Vec::new(),
                    lambdas: Vec::new(),
                    lines: Vec::new(),
                    file: None,
                    files: Vec::new(),
                    info: Default::default(),
                    records: Vec::new(),
                }));
                self.by_name.insert(name, index);
                index
            }
        };
        CodeAddr {
            module: index,
            ip: u32::from(arity) * 2,
        }
    }

    /// Creates a process that starts at `entry` with `args` (terms that live in the
    /// heap `src` sees, copied into the new process's heap).
    pub fn spawn(
        &mut self,
        entry: CodeAddr,
        args: &[Term],
        src: &Heap,
        mfa: (u32, u32, u8),
    ) -> u32 {
        let pid = self.procs.len() as u32;
        let mut heap = Process::empty_heap();
        let args: Vec<Term> = args.iter().map(|a| copy_term(src, *a, &mut heap)).collect();
        let mut proc = Process::new(pid, entry, args, heap, mfa);
        proc.group_leader = Term::pid(0);
        self.procs.push(Some(Box::new(proc)));
        self.exited.push(false);
        self.run_queue.push_back(pid);
        pid
    }

    /// Delivers `message` (living in heap `src`) to `pid`; false if there is no such
    /// process.
    pub fn deliver(&mut self, pid: u32, message: Term, src: &Heap) -> bool {
        if pid == self.current && matches!(self.procs.get(pid as usize), Some(None)) {
            let mut heap = Heap::default();
            let copy = copy_term(src, message, &mut heap);
            self.to_current.push((heap, copy));
            return true;
        }
        let Some(Some(target)) = self.procs.get_mut(pid as usize) else {
            return false;
        };
        let copy = copy_term(src, message, &mut target.heap);
        target.mailbox.push(copy);
        target.hibernated = false;
        // A receive timeout keeps running: the receive may not match this message.
        if let Status::Waiting { .. } = target.status {
            target.status = Status::Runnable;
            self.run_queue.push_back(pid);
        }
        true
    }

    /// Moves messages queued for the running process into its mailbox.
    pub fn drain_to_current(&mut self, proc: &mut Process) {
        for (heap, message) in self.to_current.drain(..) {
            let copy = copy_term(&heap, message, &mut proc.heap);
            proc.mailbox.push(copy);
        }
    }

    /// Where a message sent to `dest` goes.
    pub fn destination(&self, mem: &crate::heap::Mem<'_>, dest: Term) -> Destination {
        if let Some(pid) = self.whereis(dest) {
            return Destination::Process(pid);
        }
        if let Some(port) = dest.as_port() {
            return Destination::Port(port);
        }
        if let Some(port) = dest.as_atom().and_then(|n| self.io.port_names.get(&n)) {
            return Destination::Port(*port);
        }
        match mem.boxed(dest) {
            Some((h, [id])) if h.kind == crate::term::HeaderKind::Ref => self
                .aliases
                .get(&id.0)
                .map_or(Destination::Nowhere, |p| Destination::Process(*p)),
            Some((h, [name, node]))
                if h.kind == crate::term::HeaderKind::Tuple
                    && *node == crate::atom::atoms::nonode_nohost =>
            {
                match (
                    self.whereis(*name),
                    name.as_atom().and_then(|n| self.io.port_names.get(&n)),
                ) {
                    (Some(pid), _) => Destination::Process(pid),
                    (None, Some(port)) => Destination::Port(*port),
                    (None, None) => Destination::Invalid,
                }
            }
            _ => Destination::Invalid,
        }
    }

    /// Resolves a destination (pid or registered name) to a pid.
    pub fn whereis(&self, dest: Term) -> Option<u32> {
        if let Some(pid) = dest.as_pid() {
            return Some(pid);
        }
        dest.as_atom()
            .and_then(|name| self.registry.get(&name).copied())
    }

    /// Starts a timer.
    pub fn start_timer(&mut self, after_ms: u64, action: TimerAction) -> u64 {
        let id = self.fresh_id();
        self.start_timer_with_id(id, after_ms, action);
        id
    }

    /// Starts a timer under a given id (the reference `start_timer/3` returns).
    pub fn start_timer_with_id(&mut self, id: u64, after_ms: u64, action: TimerAction) {
        // `now_ms` is truncated: one more millisecond makes sure at least `after_ms`
        // have passed when the timer fires, as the BEAM guarantees.
        let deadline = self.now_ms() + after_ms + u64::from(after_ms > 0);
        self.timer_queue.push(Reverse((deadline, id)));
        self.timers.insert(id, (deadline, action));
    }

    /// Fires every timer that is due.
    fn fire_timers(&mut self) {
        let now = self.now_ms();
        while let Some(Reverse((deadline, id))) = self.timer_queue.peek().copied() {
            if deadline > now {
                break;
            }
            self.timer_queue.pop();
            let Some((_, action)) = self.timers.remove(&id) else {
                continue;
            };
            match action {
                TimerAction::ReceiveTimeout { pid } => {
                    if let Some(Some(p)) = self.procs.get_mut(pid as usize) {
                        if p.recv_timer == Some(id) {
                            p.timed_out = true;
                            if let Status::Waiting { .. } = p.status {
                                p.status = Status::Runnable;
                                self.run_queue.push_back(pid);
                            }
                        }
                    }
                }
                TimerAction::Send { to, heap, message } => {
                    if let Some(pid) = self.whereis(to) {
                        self.deliver(pid, message, &heap);
                    }
                }
            }
        }
    }

    /// What the emulator does when a process dies of an uncaught error: sends the
    /// `logger` process `{log, error, Format, [Pid, Reason], Meta}`, which OTP's
    /// logger prints as "Error in process ... with exit value".
    fn log_error_exit(&mut self, proc: &Process, reason: Term) {
        let logger_name = Term::atom(self.atoms.intern("logger"));
        let Some(logger) = self.whereis(logger_name) else {
            return;
        };
        let mut heap = Heap::default();
        let reason = copy_term(&proc.heap, reason, &mut heap);
        let format = "Error in process ~p with exit value:~n~p~n";
        let chars: Vec<Term> = format
            .bytes()
            .filter_map(|b| Term::small(i64::from(b)))
            .collect();
        let format = heap.list(&chars);
        let pid = Term::pid(proc.pid);
        let args = heap.list(&[pid, reason]);
        let [log, error, emulator, tag, gl, pid_key, time, error_logger] = [
            "log",
            "error",
            "emulator",
            "tag",
            "gl",
            "pid",
            "time",
            "error_logger",
        ]
        .map(|a| Term::atom(self.atoms.intern(a)));
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as i64);
        let now = heap.int(micros);
        let mut inner = [(emulator, atoms::true_), (tag, error)];
        inner.sort_by(|a, b| {
            crate::compare::compare(&heap.mem(&self.literals), &self.atoms, a.0, b.0, true)
        });
        let inner = heap.map_sorted(&inner.map(|p| p.0), &inner.map(|p| p.1));
        let mut meta = [
            (error_logger, inner),
            (gl, proc.group_leader),
            (pid_key, pid),
            (time, now),
        ];
        meta.sort_by(|a, b| {
            crate::compare::compare(&heap.mem(&self.literals), &self.atoms, a.0, b.0, true)
        });
        let meta = heap.map_sorted(&meta.map(|p| p.0), &meta.map(|p| p.1));
        let message = heap.tuple(&[log, error, format, args, meta]);
        self.deliver(logger, message, &heap);
    }

    /// Adds an embedded module (`name`, its beam `bytes`) and spawns
    /// `name:function(Args...)` with `args` (terms of `heap`); `None` if it does not
    /// load or export that function.
    pub fn spawn_embedded(
        &mut self,
        (name, bytes): (&str, &[u8]),
        function: &str,
        args: &[Term],
        heap: &Heap,
    ) -> Option<u32> {
        self.code_path.add_bytes(name, bytes.to_vec());
        let module = self.atoms.intern(name);
        let function = self.atoms.intern(function);
        let arity = u8::try_from(args.len()).ok()?;
        let entry = self.export(Mfa {
            module,
            function,
            arity,
        })?;
        Some(self.spawn(entry, args, heap, (module, function, arity)))
    }

    /// Whether `t` is the pid of one of AtomVM's driver processes (device mode), of
    /// which `is_port/1` is true.
    pub fn is_driver(&self, t: Term) -> bool {
        t.as_pid()
            .and_then(|pid| self.procs.get(pid as usize))
            .is_some_and(|p| p.as_ref().is_some_and(|p| p.driver))
    }

    /// Runs until process `main` exits. Returns `Ok(())` when it ended normally, else
    /// a crash report to print.
    pub fn run_until(&mut self, main: u32) -> Result<String, String> {
        self.run(Some(main)).map(Option::unwrap_or_default)
    }

    /// Runs until no process can run without waiting for a message or a timer.
    pub fn run_until_idle(&mut self) {
        let _ = self.run(None);
    }

    fn run(&mut self, until_exit_of: Option<u32>) -> Result<Option<String>, String> {
        let mut x = vec![Term::NIL; X_REGS];
        let main = until_exit_of.unwrap_or(u32::MAX);
        self.main = (main, None);
        // Output reaches the terminal (or `mix atomvm.run`) within this much time
        // even while processes keep running.
        const FLUSH_EVERY: Duration = Duration::from_millis(20);
        let mut last_flush = std::time::Instant::now();
        let mut slices: u32 = 0;
        loop {
            // Looking at the clock costs more than a short slice: only now and then.
            slices = slices.wrapping_add(1);
            if slices % 64 == 0 {
                if last_flush.elapsed() >= FLUSH_EVERY {
                    let _ = self.out.flush();
                    last_flush = std::time::Instant::now();
                }
                // Busy processes do not starve the ones waiting for I/O.
                if self.io.watching() {
                    self.poll_io(Some(Duration::ZERO));
                }
            }
            if self.exited.get(main as usize).copied().unwrap_or(false) {
                // Killed by an exit signal from another process.
                let _ = self.out.flush();
                return self.main.1.take().map_or(Ok(None), Err);
            }
            self.fire_timers();
            let Some(pid) = self.run_queue.pop_front() else {
                let _ = self.out.flush();
                if until_exit_of.is_none() {
                    return Ok(None);
                }
                match self.timer_queue.peek() {
                    Some(Reverse((deadline, _))) => {
                        // Sleep in the poller until I/O or the timer (it sleeps
                        // plainly when nothing is watched).
                        let wait = deadline.saturating_sub(self.now_ms());
                        self.poll_io(Some(Duration::from_millis(wait)));
                        continue;
                    }
                    None if self.io.watching() => {
                        self.poll_io(None);
                        continue;
                    }
                    None => {
                        // Every process waits for a message no one can send: as on the
                        // BEAM, the program just stays (a device application that
                        // ends with `receive after infinity` keeps running) until it
                        // is stopped from outside.
                        loop {
                            std::thread::park();
                        }
                    }
                }
            };
            let Some(mut proc) = self.procs.get_mut(pid as usize).and_then(Option::take) else {
                continue;
            };
            if proc.status == Status::Exited {
                continue;
            }
            self.current = pid;
            let outcome = interp::run(self, &mut proc, &mut x, SLICE);
            match outcome {
                Yield::Preempted => {
                    self.run_queue.push_back(pid);
                    self.procs[pid as usize] = Some(proc);
                }
                Yield::Waiting => {
                    // A message may have arrived meanwhile (sent to itself).
                    if proc.recv_pos < proc.mailbox.len() {
                        proc.status = Status::Runnable;
                        self.run_queue.push_back(pid);
                    }
                    self.procs[pid as usize] = Some(proc);
                }
                Yield::Exited(reason) => {
                    let report = (pid == main && reason != atoms::normal)
                        .then(|| self.crash_report(&proc, reason));
                    // What the main process's function returned, as erlang:display/1
                    // prints it (AtomVM's Unix build reports it).
                    let returned = (pid == main && reason == atoms::normal).then(|| {
                        let mut text = Vec::new();
                        let mem = proc.heap.mem(&self.literals);
                        crate::display::display(&mem, &self.atoms, x[0], &mut text);
                        String::from_utf8_lossy(&text).into_owned()
                    });
                    if proc.error_exit && pid != main {
                        self.log_error_exit(&proc, reason);
                    }
                    self.exit_process(proc, reason);
                    if pid == main {
                        let _ = self.out.flush();
                        return report.map_or(Ok(returned), Err);
                    }
                }
                Yield::Faulted(fault) => {
                    let name = self.atoms.name(proc.initial_call.0).to_owned();
                    eprintln!("atomvm: process <0.{pid}.0> ({name}) faulted: {}", fault.0);
                    let reason = Term::atom(self.atoms.intern("vm_fault"));
                    self.exit_process(proc, reason);
                    if pid == main {
                        let _ = self.out.flush();
                        return Err(format!("internal fault: {}", fault.0));
                    }
                }
            }
        }
    }
}
