defmodule Mix.Tasks.Atomvm.Pico.Install do
  @shortdoc "Downloads, verifies and installs AtomVM on a Pico"
  @moduledoc """
  Installs AtomVM on a Raspberry Pi Pico: downloads the board's combined UF2 (the VM
  and its library) from AtomVM's release, verifies it against its published sha256
  (cached; see `mix help atomvm.firmware.fetch`), and copies it to the bootloader
  drive. AtomVM publishes the combined UF2 from v0.7.0-alpha.0; v0.6.x published the VM
  and the library as two UF2 files, which are downloaded and verified each and copied
  as one UF2 of both (one copy, one restart).

      mix atomvm.pico.install [--board pico|pico_w|pico2|pico2_w] [--version v0.7.0-alpha.1]
                              [--path MOUNT] [--reset DEV] [--image FILE] [--library FILE]
                              [--mirror URL]

    Finding the drive, `--reset` and `--wait` work as for `mix atomvm.pico.flash`;
  `mix.exs` keys: `board`, `firmware_version`, `pico_path`, `pico_reset`. `--verbose`
  shows each setting and where it came from.
  `--image FILE` copies a local UF2 instead of downloading one (for v0.6.x,
  `--library FILE` likewise the library's).
  """
  use Mix.Task

  alias AtomVM.{CLI, Firmware, Pico}

  @switches [
    board: :string,
    version: :string,
    path: :string,
    reset: :string,
    wait: :integer,
    image: :string,
    library: :string,
    mirror: :string,
    verbose: :boolean
  ]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.pico.install", argv, @switches)

    settings =
      CLI.settings!(
        [
          board: [default: "pico"],
          firmware_version: [switch: :version],
          pico_path: [switch: :path],
          pico_reset: [switch: :reset],
          wait: [default: 30]
        ],
        opts
      )

    board = AtomVM.Settings.value(settings, :board)

    fetch_opts = [
      version: AtomVM.Settings.value(settings, :firmware_version),
      flavor: "erlang",
      image: opts[:image],
      library_image: opts[:library],
      mirror: opts[:mirror]
    ]

    fetched = CLI.ok!(Firmware.fetch(board, fetch_opts))

    path = AtomVM.Settings.value(settings, :pico_path)
    reset = AtomVM.Settings.value(settings, :pico_reset)

    drive =
      Mix.Tasks.Atomvm.Pico.Flash.drive!(path, reset, AtomVM.Settings.value(settings, :wait))

    uf2 = CLI.ok!(Pico.install_image(fetched))
    CLI.ok!(Pico.copy(uf2, drive, Path.basename(fetched.path)))

    what =
      case fetched.library do
        nil ->
          "#{fetched.firmware.asset} (sha256 #{fetched.sha256})"

        lib ->
          "#{fetched.firmware.asset} (sha256 #{fetched.sha256}) and " <>
            "#{lib.firmware.asset} (sha256 #{lib.sha256}), as one UF2,"
      end

    Mix.shell().info(
      "Copied #{what} to #{drive}; AtomVM #{fetched.firmware.version} installs and the board restarts."
    )
  end
end
