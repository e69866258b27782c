defmodule AtomVM.Boards do
  @moduledoc """
  The board files (`boards/*.toml` of atomvm_mix, read and validated in Rust by the
  `atomvm_boards` crate through `AtomVM.Native`).

  `ATOMVM_BOARDS_DIR` points at another directory of board files (the same format,
  see `boards/README.md`).
  """

  alias AtomVM.Native

  @doc "The directory the board files are read from."
  @spec dir() :: Path.t()
  def dir do
    case System.get_env("ATOMVM_BOARDS_DIR") do
      nil -> Path.join(AtomVM.Cargo.root(), "boards")
      "" -> Path.join(AtomVM.Cargo.root(), "boards")
      dir -> dir
    end
  end

  @doc "Every board, sorted by name."
  @spec list() :: {:ok, [Native.board()]} | {:error, term()}
  def list do
    case Native.boards(dir()) do
      {:ok, boards} -> {:ok, boards}
      {:error, message} -> {:error, {:native, message}}
    end
  end

  @doc """
  The firmware of `board` for `version` (`nil`: `default_version/1`) and
  `flavor` (`"elixir"`, `"erlang"`, or `nil`: `"elixir"` when the board has an Elixir
  image, else `"erlang"`).
  """
  @spec firmware(String.t(), String.t() | nil, String.t() | nil) ::
          {:ok, Native.firmware()} | {:error, term()}
  def firmware(board, version, flavor) do
    with {:ok, version} <- version(board, version),
         {:ok, flavor} <- flavor(board, flavor),
         {:ok, firmware} <- Native.board_firmware(dir(), board, version, flavor) do
      {:ok, firmware}
    else
      {:error, message} when is_binary(message) -> {:error, {:native, message}}
      {:error, reason} -> {:error, reason}
    end
  end

  @doc """
  The release a board's firmware defaults to: among the releases its file lists, the
  newest stable one that runs the beams of the OTP running Mix, else the newest
  pre-release that does (`AtomVM.DeviceAPI.pick/2`).
  """
  @spec default_version(Native.board()) :: String.t() | nil
  def default_version(%{versions: versions}),
    do: AtomVM.DeviceAPI.pick(versions, AtomVM.DeviceAPI.running_otp())

  defp version(_board, version) when is_binary(version), do: {:ok, version}

  defp version(board, nil) do
    case fetch(board) do
      {:ok, spec} -> {:ok, default_version(spec)}
      # An unknown board: the NIF names the known ones.
      {:error, _} -> {:ok, nil}
    end
  end

  defp flavor(_board, flavor) when is_binary(flavor), do: {:ok, flavor}

  defp flavor(board, nil) do
    with {:ok, boards} <- list() do
      case Enum.find(boards, &(&1.name == board)) do
        %{flavors: flavors} -> {:ok, if("elixir" in flavors, do: "elixir", else: "erlang")}
        nil -> {:ok, "elixir"}
      end
    end
  end

  @doc "Board `name`, or `{:unknown_board, name, known}`."
  @spec fetch(String.t()) :: {:ok, Native.board()} | {:error, term()}
  def fetch(name) do
    with {:ok, boards} <- list() do
      case Enum.find(boards, &(&1.name == name)) do
        nil -> {:error, {:unknown_board, name, Enum.map(boards, & &1.name)}}
        board -> {:ok, board}
      end
    end
  end

  @doc """
  Board `name`'s application partition `{offset, size}` for release `version` (`nil`:
  the newest the board file lists) and `flavor`, from its `[[app]]` rules.
  """
  @spec app(String.t(), String.t() | nil, String.t()) ::
          {:ok, {non_neg_integer(), non_neg_integer()}} | {:error, term()}
  def app(name, version, flavor) do
    with {:ok, board} <- fetch(name) do
      version = version || default_version(board) || ""

      case Native.board_app(dir(), name, version, flavor) do
        {:ok, {offset, size}} -> {:ok, {offset, size}}
        {:ok, nil} -> {:error, {:no_app_partition, name, version, flavor}}
        {:error, message} -> {:error, {:native, message}}
      end
    end
  end
end
