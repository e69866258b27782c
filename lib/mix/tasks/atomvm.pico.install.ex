defmodule Mix.Tasks.Atomvm.Pico.Install do
  @shortdoc "Downloads, verifies and installs AtomVM on a Pico"
  @moduledoc """
  Installs AtomVM on a Raspberry Pi Pico: downloads the board's combined UF2 (the VM
  and its library) from AtomVM's release, verifies it against its published sha256
  (cached; see `mix help atomvm.firmware.fetch`), and copies it to the bootloader
  drive:

      mix atomvm.pico.install [--board pico|pico_w|pico2|pico2_w] [--version v0.6.6]
                              [--path MOUNT] [--reset DEV] [--image FILE] [--mirror URL]

  Finding the drive, `--reset` and `--wait` work as for `mix atomvm.pico.flash`.
  `--image FILE` copies a local UF2 instead of downloading one.
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
    mirror: :string
  ]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.pico.install", argv, @switches)

    user = CLI.user_config()
    board = to_string(opts[:board] || user[:board] || "pico")

    fetch_opts = [
      version: opts[:version],
      flavor: "erlang",
      image: opts[:image],
      mirror: opts[:mirror]
    ]

    fetched = CLI.ok!(Firmware.fetch(board, fetch_opts))

    path = opts[:path] || user[:pico_path]
    reset = opts[:reset] || user[:pico_reset]
    drive = Mix.Tasks.Atomvm.Pico.Flash.drive!(path, reset, opts[:wait] || 30)

    CLI.ok!(Pico.copy(File.read!(fetched.path), drive, Path.basename(fetched.path)))

    Mix.shell().info(
      "Copied #{fetched.firmware.asset} (sha256 #{fetched.sha256}) to #{drive}; AtomVM #{fetched.firmware.version} installs and the board restarts."
    )
  end
end
