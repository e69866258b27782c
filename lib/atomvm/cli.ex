defmodule AtomVM.CLI do
  @moduledoc """
  What every `atomvm.*` task does the same way: strict switch parsing with one clear
  error, the project's `atomvm:` keyword list, and turning `{:error, reason}` into
  `Mix.raise/1` with `AtomVM.Messages`.
  """

  alias AtomVM.Messages

  @doc "Parses `argv` strictly with `switches`; raises on unknown switches or arguments."
  @spec parse!(String.t(), [String.t()], keyword(), keyword()) :: keyword()
  def parse!(task, argv, switches, aliases \\ []) do
    case OptionParser.parse(argv, strict: switches, aliases: aliases) do
      {opts, [], []} -> opts
      {_, _, [_ | _] = invalid} -> Mix.raise(Messages.message({:invalid_options, invalid}))
      {_, [arg | _], _} -> Mix.raise(Messages.message({:unexpected_argument, arg, task}))
    end
  end

  @doc "The current project's `atomvm:` settings (`[]` outside a project)."
  @spec user_config() :: keyword()
  def user_config do
    if Mix.Project.get(), do: Keyword.get(Mix.Project.config(), :atomvm, []), else: []
  end

  @doc "The value of `{:ok, value}`; raises with the message of `{:error, reason}`."
  @spec ok!({:ok, term()} | :ok | {:error, term()}) :: term()
  def ok!({:ok, value}), do: value
  def ok!(:ok), do: :ok
  def ok!({:error, reason}), do: Mix.raise(Messages.message(reason))

  @doc """
  A task's settings (`AtomVM.Settings.resolve/4` of `spec` over the parsed `opts` and
  the project's `atomvm:` list); with `--verbose` (`opts[:verbose]`) prints where each
  came from. Raises with the setting's message when one is invalid.
  """
  @spec settings!(
          AtomVM.Settings.spec(),
          keyword(),
          (String.t() -> {:ok, map()} | {:error, term()})
        ) ::
          AtomVM.Settings.t()
  def settings!(spec, opts, board_facts \\ fn _ -> {:ok, %{}} end) do
    settings = ok!(AtomVM.Settings.resolve(spec, opts, user_config(), board_facts))

    if opts[:verbose],
      do: Mix.shell().info("Settings:\n" <> AtomVM.Settings.sources(settings))

    settings
  end

  @doc """
  The application archive to write: `given` (which must exist), or the project
  packed by `mix atomvm.packbeam` (its `atomvm: [output: ...]`, default `APP.avm`).
  """
  @spec archive!(Path.t() | nil) :: Path.t()
  def archive!(nil) do
    # The flashing tasks check the archive themselves (gate!/3).
    Mix.Task.run("atomvm.packbeam", ["--no-check"])

    case AtomVM.Packbeam.Config.new(Mix.Project.config(), []) do
      {:ok, config} -> config.output
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end

  def archive!(given) do
    if File.regular?(given), do: given, else: Mix.raise(Messages.message({:not_found, given}))
  end

  @doc """
  Before a flashing task writes `avm` to `board`: runs the check (`check!/3`, mode
  `:gate`; the release is `opts[:release]`, else `opts[:version]` when the task has one) unless `opts` has
  `check: false` (`--no-check`). Returns `avm`.
  """
  @spec gate!(Path.t(), String.t() | nil, keyword()) :: Path.t()
  def gate!(avm, board, opts) do
    if Keyword.get(opts, :check, true),
      do: check!(avm, [board: board, release: opts[:release] || opts[:version]], :gate)

    avm
  end

  @doc """
  Runs `AtomVM.Check` on `avm` (`nil`: the project packed into a temporary file, with
  line information) against the release and board of `opts` and the project's
  `atomvm:` list, and prints the problems and a summary line. `mode` is `:report`
  (`mix atomvm.check`), `:gate` (flashing tasks: raises when anything would fail) or
  `:warnings` (`mix atomvm.packbeam`: problems as warnings on stderr, never fails).
  Returns the report.
  """
  @spec check!(Path.t() | nil, keyword(), :report | :gate | :warnings) :: AtomVM.Check.report()
  def check!(avm, opts, mode \\ :report) do
    case AtomVM.Check.Target.resolve(opts, user_config()) do
      {:ok, target} ->
        report = with_archive(avm, &ok!(AtomVM.Check.run(&1, target)))
        print_check(report, mode)
        report

      {:error, reason} when mode == :warnings ->
        Mix.shell().error(
          "warning: not checked against an AtomVM release: #{Messages.message(reason)}"
        )

        %{problems: []}

      {:error, reason} ->
        Mix.raise(Messages.message(reason))
    end
  end

  defp with_archive(nil, fun) do
    Mix.Task.run("compile", [])
    project = Mix.Project.config()
    # File.mkdir! refuses a directory that exists: nothing of anyone else's is removed below.
    dir = AtomVM.Tmp.path("atomvm-check")
    File.mkdir!(dir)
    output = Path.join(dir, "#{project[:app]}.avm")

    try do
      config = ok!(AtomVM.Packbeam.Config.new(project, output: output, strip_lines: false))

      ok!(
        AtomVM.Packbeam.run(
          config,
          Path.join(Mix.Project.build_path(), "lib"),
          Mix.Project.consolidation_path()
        )
      )

      fun.(output)
    after
      File.rm_rf(dir)
    end
  end

  defp with_archive(avm, fun), do: fun.(avm)

  defp print_check(report, :warnings) do
    for p <- report.problems do
      Mix.shell().error("warning: " <> Messages.check_problem(p, report.release))
    end
  end

  defp print_check(report, mode) do
    for p <- report.problems, do: Mix.shell().info(Messages.check_problem(p, report.release))

    if mode == :report or report.problems != [],
      do: Mix.shell().info(Messages.check_summary(report))

    if mode == :gate and report.problems != [] do
      Mix.raise(Messages.message({:check_failed, length(report.problems), report.release}))
    end
  end
end
