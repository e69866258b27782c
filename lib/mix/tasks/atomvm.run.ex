defmodule Mix.Tasks.Atomvm.Run do
  @shortdoc "Runs the project's .avm in the host VM"
  @moduledoc """
  Compiles and packs the project (as `mix atomvm.packbeam` does) and runs the archive
  in the host VM, the Rust BEAM in atomvm_mix's `vm/` crate, on this machine: the same
  `.avm` that `mix atomvm.*.flash` would put on a device.

      mix atomvm.run [--avm FILE.avm] [--start MODULE] [--otp RELEASE]
                     [--lib otp|device|FILE] [--release TAG] [-- VM_ARGS]

  The VM runs `start/0` of the archive's start module. The program's output is shown
  as it is written; logger reports (crash reports of supervised processes, for
  example) go to standard error in OTP's default format. The task exits with the VM's
  status: 0 when `start/0` returns, 1 when it raises (with a crash report), 2 when the
  archive cannot be loaded. Ctrl-C stops the program.

  The first run builds the VM with cargo (release build, a minute or two); later runs
  reuse it until its sources change. `ATOMVM_HOST_VM=PATH` uses a prebuilt VM instead.

  ## What runs

  Elixir's and Erlang/OTP's standard libraries come from the installation running
  Mix, so `Enum`, `GenServer`, `Supervisor`, `Task`, `:ets`, `:gen_statem`, ... behave
  as they do on the BEAM. AtomVM's own modules answer as on AtomVM's Unix build:
  `:atomvm.platform/0` is `:generic_unix`, `:atomvm.read_priv/2` reads the archive's
  priv files; `:erlang.system_info(:machine)` is `'BEAM'` (`'ATOM'` with `--lib
  device`), as the semantics are the BEAM's there. Peripheral modules (`gpio`,
  `i2c`, `spi`, `uart`, `ledc`, `esp`) do not exist on the host: calling them raises
  `undef`, and the VM names the module on standard error.

  The application environment of the project (its `config/config.exs` and the
  `env:` of its `application/0`) is loaded before `start/0` runs, so
  `Application.get_env/2` works as on the BEAM.

  Which to use: OTP's libraries (the default) to develop and test the program's logic
  with everything the BEAM has; `--lib device` to see what the board will do with the
  library it really has (a call AtomVM's library lacks fails here too; its modules
  behave as AtomVM's, not OTP's). `mix atomvm.check` lists such calls without running.

  ## Options

    * `--avm FILE` - run this archive instead of packing the project (no compile).
    * `--start MODULE` - the start module; overrides `atomvm: [start: ...]` (and an
      archive's own start flag with `--avm`).
    * `--otp RELEASE` - emulate the behaviour of another OTP release (e.g. `27`).
    * `--lib otp|device|FILE` - the libraries the program runs on (also
      `atomvm: [lib: ...]`). `otp` (the default): OTP's and Elixir's, as above.
      `device`: the AtomVM release's own library (`atomvmlib`, the same bytes the
      device boots), downloaded, verified and cached like firmware (`--mirror URL`,
      `ATOMVM_FIRMWARE_MIRROR`, `atomvm: [firmware_mirror: ...]`); `start/0` is
      called directly, as AtomVM does (no OTP application controller or logger), and
      a function the library lacks fails as on the board, named on standard error:
      `atomvm: lists:keysort/2 is not in AtomVM v0.6.6`. `FILE`: that library archive.
    * `--release TAG` - the AtomVM release of `--lib device` (also
      `atomvm: [release: ...]`; default as for `mix atomvm.check`).
    * `--no-build` - never build the VM; fail if it is missing.
    * Arguments after `--` are passed to the VM unchanged.

  Packing options of `mix atomvm.packbeam` (`--prune`, `--strip-lines`, ...) are
  accepted and passed on.

  ## Configuration (`mix.exs`)

      def project do
        [app: :my_app, ..., atomvm: [start: MyApp]]
      end

  The `atomvm:` keys are those of `mix atomvm.packbeam` (ExAtomVM's names: `start`,
  `output`, ...).
  """
  use Mix.Task

  alias AtomVM.{HostVM, Messages, Runner, Settings}
  alias AtomVM.Packbeam.Config, as: PackConfig

  @switches [
    avm: :string,
    start: :string,
    otp: :integer,
    build: :boolean,
    output: :string,
    prune: :boolean,
    strip_lines: :boolean,
    include_lines: :boolean,
    include_stdlib: :boolean,
    lib: :string,
    release: :string,
    mirror: :string
  ]
  @pack_switches [:start, :output, :prune, :strip_lines, :include_lines, :include_stdlib]

  @impl Mix.Task
  def run(argv) do
    {argv, vm_args} = split_vm_args(argv)
    opts = parse!(argv)

    {avm, app_env} =
      case opts[:avm] do
        nil -> pack(opts)
        file -> {existing!(file), []}
      end

    vm = if opts[:build] == false, do: existing_vm!(), else: HostVM.ensure_built!()
    otp = if opts[:otp], do: ["--otp", Integer.to_string(opts[:otp])], else: []
    start = if opts[:start], do: PackConfig.parse_module(opts[:start])

    lib = library_args(opts)

    status = Runner.run(avm, vm: vm, app_env: app_env, start: start, args: otp ++ lib ++ vm_args)

    if status != 0, do: exit({:shutdown, status})
  end

  # `--lib otp` (the default): OTP's and Elixir's libraries of this installation;
  # `--lib device`: the target release's atomvmlib, fetched like firmware; `--lib FILE`.
  defp library_args(opts) do
    spec = [lib: [default: "otp"], release: [], firmware_mirror: [switch: :mirror]]
    settings = AtomVM.CLI.settings!(spec, opts)

    case Settings.value(settings, :lib) do
      "otp" ->
        []

      choice ->
        release = release!(Settings.value(settings, :release))

        path =
          if choice == "device" do
            mirror = Settings.value(settings, :firmware_mirror)
            fetched = AtomVM.CLI.ok!(AtomVM.Firmware.fetch_library(release, mirror: mirror))
            Mix.shell().info(Messages.device_library(release, fetched))
            fetched.path
          else
            existing!(choice)
          end

        facts = Path.join(AtomVM.DeviceAPI.dir(), release <> ".txt")
        natives = if File.regular?(facts), do: ["--device-natives", facts], else: []
        ["--device-lib", path, "--device-release", release] ++ natives
    end
  end

  defp release!(nil) do
    otp = :erlang.system_info(:otp_release) |> List.to_integer()
    AtomVM.CLI.ok!(AtomVM.DeviceAPI.default_release(otp))
  end

  defp release!(release), do: release

  defp split_vm_args(argv) do
    case Enum.split_while(argv, &(&1 != "--")) do
      {ours, ["--" | vm]} -> {ours, vm}
      {ours, []} -> {ours, []}
    end
  end

  defp parse!(argv) do
    case OptionParser.parse(argv, strict: @switches) do
      {opts, [], []} -> opts
      {_, [extra | _], []} -> Mix.raise(Messages.message({:invalid_options, [{extra, nil}]}))
      {_, _, invalid} -> Mix.raise(Messages.message({:invalid_options, invalid}))
    end
  end

  # Compiles and packs the project; returns the archive and the application
  # environment to give the VM.
  defp pack(opts) do
    pack_args =
      for {key, value} <- opts, key in @pack_switches, into: [] do
        flag = "--" <> String.replace(Atom.to_string(key), "_", "-")
        if value == true, do: flag, else: "#{flag}=#{value}"
      end

    # OTP's libraries are the point of running on the host: no device check here.
    Mix.Task.run("atomvm.packbeam", ["--no-check" | pack_args])
    project = Mix.Project.config()

    case PackConfig.new(project, output: opts[:output]) do
      {:ok, config} -> {config.output, app_env(project)}
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end

  # The project application's environment (its `.app` env merged with config), and
  # that of every other application the config files set.
  defp app_env(project) do
    app = Keyword.fetch!(project, :app)
    _ = Application.load(app)
    configured = Keyword.keys(configured_apps(project[:config_path]))

    [app | configured]
    |> Enum.uniq()
    |> Enum.reject(&(&1 in [:atomvm_mix, :mix, :kernel, :stdlib, :elixir]))
    |> Enum.map(&{&1, Application.get_all_env(&1)})
  end

  defp configured_apps(config_path) do
    if config_path && File.regular?(config_path) do
      Config.Reader.read!(config_path, env: Mix.env(), target: Mix.target())
    else
      []
    end
  end

  defp existing!(file) do
    if File.regular?(file), do: file, else: Mix.raise(Messages.message({:not_found, file}))
  end

  defp existing_vm! do
    path = HostVM.path()

    if File.regular?(path),
      do: path,
      else: Mix.raise(Messages.message({:host_vm_not_built, path}))
  end
end
