defmodule Mix.Tasks.Atomvm.Packbeam do
  @shortdoc "Packs the project into an AtomVM .avm archive"
  @moduledoc """
  Compiles the project and packs its modules, those of its runtime dependencies and
  their `priv/` files into one AtomVM PackBEAM archive, ready to flash.

      mix atomvm.packbeam [--start MODULE] [--output FILE] [--prune]
                          [--strip-lines | --include-lines] [--include-stdlib]

  The start module (whose `start/0` AtomVM runs) goes first, flagged as start. Each
  module is stripped to the chunks AtomVM reads, and compressed literal tables are
  stored inflated (devices have no zlib). Priv files are stored as `APP/priv/PATH`,
  readable on the device with `:atomvm.read_priv(APP, PATH)`. The archive is written
  to a temporary file and renamed into place, so a failed run leaves no partial file.

  ## Options

    * `--start MODULE` - the start module: `MyApp` (Elixir) or `my_app` (Erlang).
      Overrides `atomvm: [start: ...]` in `mix.exs`.
    * `--output FILE`, `-o FILE` - where to write the archive (default `APP.avm`);
      overrides `atomvm: [output: ...]`.
    * `--prune` - keep only modules reachable from the start module (through import
      tables and module names in atom tables) and list what was dropped.
    * `--strip-lines` - drop line-number tables (smaller archive, stack traces
      without lines). `--include-lines` keeps them; that is the default.
    * `--no-check` - do not print what would fail on the device (see below).
    * `--include-stdlib` - also pack the Erlang/OTP and Elixir applications the project
      depends on (normally the device's own AtomVM libraries provide them).

  ## Configuration (`mix.exs`)

      def project do
        [app: :my_app, ..., atomvm: [start: MyApp, output: "my_app.avm", prune: true]]
      end

  Keys: `start`, `output`, `prune`, `strip_lines`, `include_stdlib`; the command line
  wins over `mix.exs`. What in the archive would fail on the device (`mix atomvm.check`
  against `atomvm: [release: ..., board: ...]` or the defaults) is printed as warnings. Dependencies declared with `runtime: false` are never packed,
  nor is `atomvm_mix` itself.
  """
  use Mix.Task

  alias AtomVM.{Messages, Packbeam}
  alias AtomVM.Packbeam.Config

  @switches [
    start: :string,
    output: :string,
    prune: :boolean,
    strip_lines: :boolean,
    include_lines: :boolean,
    include_stdlib: :boolean,
    check: :boolean
  ]

  # How many pruned modules the summary names before "and N more".
  @pruned_shown 20

  @impl Mix.Task
  def run(argv) do
    cli = parse!(argv)
    Mix.Task.run("compile", [])
    project = Mix.Project.config()

    with {:ok, config} <- Config.new(project, cli),
         {:ok, summary} <-
           Packbeam.run(
             config,
             Path.join(Mix.Project.build_path(), "lib"),
             Mix.Project.consolidation_path()
           ) do
      report(summary)
      if Keyword.get(cli, :check, true), do: AtomVM.CLI.check!(summary.output, [], :warnings)
    else
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end

  defp parse!(argv) do
    case OptionParser.parse(argv, strict: @switches, aliases: [o: :output]) do
      {opts, [], []} -> include_lines(opts)
      {_, [extra | _], []} -> Mix.raise(Messages.message({:invalid_options, [{extra, nil}]}))
      {_, _, invalid} -> Mix.raise(Messages.message({:invalid_options, invalid}))
    end
  end

  defp include_lines(opts) do
    case Keyword.pop(opts, :include_lines) do
      {true, opts} -> Keyword.put(opts, :strip_lines, false)
      {_, opts} -> opts
    end
  end

  defp report(summary) do
    if summary.pruned != [] do
      {shown, rest} = Enum.split(summary.pruned, @pruned_shown)
      more = if rest == [], do: "", else: " and #{length(rest)} more"

      Mix.shell().info(
        "Pruned #{count(summary.pruned, "unreachable module")}: #{Enum.join(shown, ", ")}#{more}"
      )
    end

    {beams, files} = Enum.split_with(summary.entries, &(&1.kind == :beam))

    Mix.shell().info(
      "Wrote #{summary.output}: #{count(beams, "module")}, #{count(files, "file")}, " <>
        "#{summary.size} bytes; start module #{inspect(summary.start)}"
    )
  end

  defp count([_], noun), do: "1 #{noun}"
  defp count(list, noun), do: "#{length(list)} #{noun}s"
end
