defmodule Mix.Tasks.Atomvm.Check do
  @shortdoc "Lists what in the project would fail on an AtomVM device"
  @moduledoc """
  Packs the project (as `mix atomvm.packbeam`, into a temporary file) and checks the
  archive against what a device running an AtomVM release provides: its native
  functions, the modules of its `atomvmlib` library, the instructions it runs and the
  OTP releases whose beams it accepts.

      mix atomvm.check [--release TAG] [--board NAME] [--warn] [--avm FILE]

  Reported, one line each, sorted by file and line:

    * every remote call, `fun M:F/A` and `apply` with atom module and function whose
      target is neither in the archive nor on the device, with `file:line`;
    * every instruction the release does not run;
    * beams compiled by an OTP release the release does not accept;
    * an archive larger than the board's application partition.

  A summary line follows. The exit status is 1 when anything would fail on the
  device, 0 otherwise (`--warn`: always 0).

  ## Options

    * `--release TAG` - the AtomVM release (`v0.6.6`, `v0.7.0-alpha.1`, ...; also
      `atomvm: [release: ...]`). Default: the newest release atomvm_mix has facts for
      whose OTP range holds the running OTP.
    * `--board NAME` - the board (`boards/NAME.toml`; also `atomvm: [board: ...]`):
      its platform's natives and libraries, and its partition size. Without a board,
      what any platform provides counts.
    * `--warn` - print the problems but exit 0.
    * `--avm FILE` - check this archive instead of packing the project.

  The facts come from AtomVM's sources of each release (`scripts/atomvm-api`,
  `docs/check.md`). The flashing tasks run this check first and refuse to write an
  archive that would fail (`--no-check` skips it); `mix atomvm.packbeam` prints the
  problems as warnings; `mix atomvm.run` does not check.
  """
  use Mix.Task

  alias AtomVM.CLI

  @switches [release: :string, board: :string, warn: :boolean, avm: :string]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.check", argv, @switches)
    avm = opts[:avm] && CLI.archive!(opts[:avm])
    report = CLI.check!(avm, opts)

    if report.problems != [] and not Keyword.get(opts, :warn, false) do
      exit({:shutdown, 1})
    end
  end
end
