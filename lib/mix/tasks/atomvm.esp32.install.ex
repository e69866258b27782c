defmodule Mix.Tasks.Atomvm.Esp32.Install do
  @shortdoc "Downloads, verifies and flashes AtomVM onto an ESP32"
  @moduledoc """
  Installs AtomVM on an ESP32-family chip: downloads the release image for the board
  (verified against its published sha256, cached; see `mix help
  atomvm.firmware.fetch`), erases the flash, and writes the image at the chip's
  bootloader offset, in-process with espflash (compressed, MD5-verified, then reset).

      mix atomvm.esp32.install [--chip esp32s3 | --board NAME] [--port /dev/ttyUSB0]
                               [--baud 921600] [--version v0.6.6] [--flavor elixir|erlang]
                               [--image FILE] [--no-erase] [--reset lines|none]

  The detected chip must be the board's (or `--chip`). The image offset comes from
  the board file: 0x1000 on esp32 and esp32s2, 0x0 on esp32s3/c2/c3/c6/c61/h2, 0x2000
  on esp32c5/p4.

  ## Options

    * `--chip NAME` / `--board NAME` - which image (default board: `esp32`).
    * `--version TAG`, `--flavor elixir|erlang`, `--mirror URL` - as for
      `mix atomvm.firmware.fetch` (the default flavor is `elixir`).
    * `--image FILE` - flash this image instead of downloading one (offline use).
    * `--no-erase` - do not erase the whole flash first (keeps NVS and applications).
    * The connection switches (`--port`, `--baud`, `--reset`, `--verbose`) are those of
      `mix help atomvm.esp32.info`.
  """
  use Mix.Task

  alias AtomVM.{ESP32, Firmware}
  alias AtomVM.Settings
  alias AtomVM.ESP32.Task, as: T

  @impl Mix.Task
  def run(argv) do
    extra = [version: :string, flavor: :string, image: :string, erase: :boolean, mirror: :string]
    opts = T.parse!("atomvm.esp32.install", argv, extra)
    {settings, connection} = T.settings!(opts, [])
    board = Settings.value(settings, :board)

    fetched =
      T.ok!(
        Firmware.fetch(board,
          version: opts[:version],
          flavor: opts[:flavor],
          image: opts[:image],
          mirror: opts[:mirror]
        )
      )

    fw = fetched.firmware
    image_offset = fw.image_offset || 0

    app_offset =
      fw.app_offset || T.ok!({:error, {:no_app_partition, board, fw.version, fw.flavor}})

    # The image must end before the application partition of this release's layout.
    limit = app_offset - image_offset
    image = %{path: fetched.path, offset: image_offset, size: limit}

    Mix.shell().info(
      "Installing #{fw.asset} (sha256 #{fetched.sha256}) at 0x#{Integer.to_string(image_offset, 16)}"
    )

    outcome = T.ok!(ESP32.flash(connection, image, nil, opts[:erase] != false))

    Mix.shell().info(
      "AtomVM #{fw.version} (#{fw.flavor}) installed on the #{outcome.chip} on #{connection.port}; " <>
        "applications go to 0x#{Integer.to_string(app_offset, 16)} (mix atomvm.esp32.flash)."
    )
  end
end
