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

  @doc """
  Resolves `keys` (plus `:port`, `:baud`, `:chip`, `:board`, `:reset`) and returns the
  settings map and the connection settings for `AtomVM.ESP32`, the port chosen.
  """
  @spec settings!(keyword(), [atom()]) :: {Settings.t(), ESP32.settings()}
  def settings!(opts, keys) do
    user = AtomVM.CLI.user_config()

    settings =
      case Settings.resolve(opts, user, [:port, :baud, :chip, :board, :reset | keys]) do
        {:ok, settings} ->
          settings

        {:error, reason} ->
          Mix.raise(AtomVM.Messages.message(reason))
      end

    settings = chip_and_board(settings)

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

  # The board defaults to the chip's name; the chip to the board file's chip.
  defp chip_and_board(settings) do
    chip = Settings.value(settings, :chip)

    settings =
      if chip && match?({_, "default"}, settings[:board]),
        do: Map.put(settings, :board, {chip, "the chip"}),
        else: settings

    board = Settings.value(settings, :board)

    with nil <- chip,
         {:ok, boards} <- AtomVM.Boards.list(),
         %{chip: board_chip} <- Enum.find(boards, &(&1.name == board)) do
      Map.put(settings, :chip, {board_chip, "boards/#{board}.toml"})
    else
      _ -> settings
    end
  end

  @doc "The value, or raises with the error's message."
  @spec ok!({:ok, term()} | {:error, term()}) :: term()
  defdelegate ok!(result), to: AtomVM.CLI
end
