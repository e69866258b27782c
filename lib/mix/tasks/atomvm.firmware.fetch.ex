defmodule Mix.Tasks.Atomvm.Firmware.Fetch do
  @shortdoc "Downloads and verifies an AtomVM firmware image (no flashing)"
  @moduledoc """
  Downloads the AtomVM firmware image of a board, verifies it and keeps it in the
  cache, without touching any device:

      mix atomvm.firmware.fetch --board esp32s3 [--version v0.6.6] [--flavor elixir|erlang]
                                [--mirror URL]

  The asset's exact name comes from the board file (`boards/BOARD.toml`): for ESP32
  chips `AtomVM-<chip>[-elixir]-<tag>.img`. It is downloaded with a progress bar from
  `https://github.com/atomvm/AtomVM/releases/download/<tag>/` (or the mirror),
  together with its `.sha256` sidecar, and checked against it and against the board
  file's pinned sum when there is one. Only a verified image is renamed into the cache
  (`$XDG_CACHE_HOME/atomvm_mix/firmware/<tag>/`); a mismatch deletes the download and
  says which file and which sums. An interrupted download is resumed by the next run.
  A cached image is reused without any request.

  ## Options

    * `--board NAME` - a board of `mix atomvm.firmware.list` (required; or
      `atomvm: [board: ...]` in `mix.exs`).
    * `--version TAG` - an AtomVM release the board file lists (default: the newest
      stable one that runs the beams of the OTP in use, else the newest such pre-release;
      `mix atomvm.firmware.list` marks it).
    * `--flavor elixir|erlang` - the image with Elixir's library or without (default:
      `elixir` when the board has such an image).
    * `--mirror URL` - a mirror with the release layout `URL/<tag>/<asset>` and
      `URL/<tag>/<asset>.sha256`; also `ATOMVM_FIRMWARE_MIRROR` or
      `atomvm: [firmware_mirror: ...]`.

  Command-line flags win over `mix.exs`, which wins over the environment.
  """
  use Mix.Task

  alias AtomVM.{CLI, Firmware}

  @switches [board: :string, version: :string, flavor: :string, mirror: :string]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.firmware.fetch", argv, @switches)
    user = CLI.user_config()

    board =
      opts[:board] || user[:board] ||
        Mix.raise(AtomVM.Messages.message(:no_board_given))

    mirror = opts[:mirror] || user[:firmware_mirror]

    fetch_opts = [
      version: opts[:version] || user[:firmware_version],
      flavor: opts[:flavor] || user[:flavor],
      mirror: mirror
    ]

    fetched = CLI.ok!(Firmware.fetch(to_string(board), fetch_opts))
    Mix.shell().info(report(fetched))
    # The library a v0.6.x Pico release published as a file of its own.
    if fetched.library, do: Mix.shell().info(report(fetched.library))
  end

  defp report(%{path: path, firmware: fw, source: source, sha256: sum}) do
    how =
      case source do
        :cache -> "already in the cache"
        :download -> "downloaded and verified"
        :local -> "local file"
      end

    "#{fw.asset} (#{fw.board}, #{fw.flavor}, #{fw.version}): #{how}\n" <>
      "  #{path}\n  sha256 #{sum}"
  end
end
