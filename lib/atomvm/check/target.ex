defmodule AtomVM.Check.Target do
  @moduledoc """
  What `AtomVM.Check` checks against, from the command line (`--release`, `--board`),
  the project's `atomvm:` keys (`release`, `board`) and defaults: the release is the
  newest one with facts whose OTP range holds the running OTP (which compiled the
  project), the board none (any platform, no partition size).
  """

  alias AtomVM.{Boards, DeviceAPI, Settings}

  @doc """
  Resolves `opts` (`:release`, `:board`) over `user` (the `atomvm:` list) into the
  options of `AtomVM.Check.run/2`.
  """
  @spec resolve(keyword(), keyword()) :: {:ok, [AtomVM.Check.option()]} | {:error, term()}
  def resolve(opts, user) do
    otp = :erlang.system_info(:otp_release) |> List.to_integer()

    with {:ok, settings} <- Settings.resolve([release: [], board: []], opts, user),
         board = Settings.value(settings, :board),
         {:ok, release} <- release(Settings.value(settings, :release), otp),
         {:ok, api} <- DeviceAPI.load(release),
         {:ok, platform, partition} <- board(board, release) do
      {:ok, [api: api, platform: platform, otp: otp, partition: partition]}
    end
  end

  defp release(nil, otp), do: DeviceAPI.default_release(otp)
  defp release(tag, _otp), do: {:ok, tag}

  defp board(nil, _release), do: {:ok, nil, nil}

  defp board(name, release) do
    with {:ok, board} <- Boards.fetch(name) do
      # The application partition of this release's layout (the Elixir image's, where
      # the flavors differ), when a rule of the board file matches.
      partition =
        case Boards.app(name, release, "elixir") do
          {:ok, {_offset, size}} -> {size, name}
          {:error, _} -> nil
        end

      {:ok, DeviceAPI.platform(board.method), partition}
    end
  end
end
