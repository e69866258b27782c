defmodule Mix.Tasks.Atomvm.Esp32.Erase do
  @shortdoc "Erases the whole flash of an ESP32"
  @moduledoc """
  Erases the whole flash of an ESP32-family chip (AtomVM, applications and NVS data
  included), after asking for confirmation.

      mix atomvm.esp32.erase [--port auto|DEV] [--chip NAME] [--reset lines|none] [--yes]

  `--yes` skips the question. The connection switches are those of
  `mix help atomvm.esp32.info`.
  """
  use Mix.Task

  alias AtomVM.ESP32
  alias AtomVM.ESP32.Task, as: T

  @impl Mix.Task
  def run(argv) do
    opts = T.parse!("atomvm.esp32.erase", argv, yes: :boolean)
    {_settings, connection} = T.settings!(opts, [])

    question = "Erase the whole flash of the device on #{connection.port}?"

    if opts[:yes] || Mix.shell().yes?(question) do
      outcome = T.ok!(ESP32.erase(connection))
      Mix.shell().info("Erased the flash of the #{outcome.chip} on #{connection.port}.")
    else
      Mix.shell().info("Nothing erased.")
    end
  end
end
