defmodule AtomVM.ESP32.Task do
  @moduledoc """
  What the `atomvm.esp32.*` tasks share: their common switches, settings resolution
  (`AtomVM.Settings`), port choice, and turning errors into `Mix.raise/1`.
  """

  alias AtomVM.ESP32
  alias AtomVM.Settings

  @common [
    port: :string,
    baud: :string,
    chip: :string,
    board: :string,
    reset: :string,
    verbose: :boolean
  ]

  @doc "Parses `argv` with the common switches and `extra` ones, strictly."
  @spec parse!(String.t(), [String.t()], keyword()) :: keyword()
  def parse!(task, argv, extra), do: AtomVM.CLI.parse!(task, argv, @common ++ extra)

  # The settings every ESP32 task takes: the chip from the board file (and the board
  # from the chip, when only the chip is given).
  @settings [
    port: [default: "auto"],
    baud: [default: 460_800],
    board: [default: "esp32"],
    chip: [board: :chip],
    reset: [default: "lines"]
  ]

  @doc """
  Resolves the ESP32 tasks' settings (port, baud rate, board, chip, reset) and the
  task's own (`extra`, a settings spec, see `AtomVM.Settings`), and returns them with
  the connection settings for `AtomVM.ESP32`, the port chosen.
  """
  @spec settings!(keyword(), AtomVM.Settings.spec()) :: {Settings.t(), ESP32.settings()}
  def settings!(opts, extra) do
    user = AtomVM.CLI.user_config()

    settings =
      case Settings.resolve(@settings ++ extra, opts, user, &board_facts/1) do
        {:ok, settings} -> chip_names_board(settings)
        {:error, reason} -> Mix.raise(AtomVM.Messages.message(reason))
      end

    if opts[:verbose], do: Mix.shell().info("Settings:\n" <> Settings.sources(settings))

    port = AtomVM.CLI.ok!(ESP32.choose_port(Settings.value(settings, :port)))

    connection = %{
      port: port,
      baud: Settings.value(settings, :baud),
      chip: Settings.value(settings, :chip),
      reset: Settings.value(settings, :reset)
    }

    {settings, connection}
  end

  # A board unknown here has no facts to give (the task that needs its file says so).
  defp board_facts(board) do
    case AtomVM.Boards.fetch(board) do
      {:ok, spec} -> {:ok, %{chip: spec.chip}}
      {:error, _} -> {:ok, %{}}
    end
  end

  # Only a chip given: the board is the one named after it.
  defp chip_names_board(settings) do
    chip = Settings.value(settings, :chip)

    if chip && Settings.source(settings, :board) == "default",
      do: Settings.put(settings, :board, chip, "the chip"),
      else: settings
  end

  @doc "The value, or raises with the error's message."
  @spec ok!({:ok, term()} | {:error, term()}) :: term()
  defdelegate ok!(result), to: AtomVM.CLI
end
