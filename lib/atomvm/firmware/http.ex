defmodule AtomVM.Firmware.HTTP do
  @moduledoc """
  HTTP(S) GET with OTP's `:httpc`: small bodies into memory, large ones streamed to a
  file with a progress bar. HTTPS peers are verified against the system's CA store
  (`:public_key.cacerts_get/0`) with host name checking. A partial download is kept
  as `DEST.part` and resumed with a `Range` request the next time (a server that
  ignores the range starts it over).
  """

  @timeout 60_000

  @doc "The body of `url`, for small files such as checksum sidecars."
  @spec get(String.t()) :: {:ok, binary()} | {:error, term()}
  def get(url) do
    with :ok <- start_apps() do
      request = {String.to_charlist(url), headers([])}

      case :httpc.request(:get, request, http_options(url), body_format: :binary) do
        {:ok, {{_, 200, _}, _headers, body}} -> {:ok, body}
        {:ok, {{_, status, reason}, _, _}} -> {:error, {:http_status, url, status, reason}}
        {:error, reason} -> {:error, {:http, url, reason}}
      end
    end
  end

  @doc """
  Downloads `url` into `part` (appending to what is there, with a `Range` request),
  showing a progress bar labelled `label`. Returns the file's final size.
  """
  @spec download(String.t(), Path.t(), String.t()) ::
          {:ok, non_neg_integer()} | {:error, term()}
  def download(url, part, label) do
    with :ok <- start_apps() do
      have = if File.regular?(part), do: File.stat!(part).size, else: 0
      range = if have > 0, do: [{~c"range", ~c"bytes=#{have}-"}], else: []
      request = {String.to_charlist(url), headers(range)}
      options = [sync: false, stream: {:self, :once}, body_format: :binary]

      case :httpc.request(:get, request, http_options(url), options) do
        {:ok, ref} -> receive_stream(ref, url, part, have, label)
        {:error, reason} -> {:error, {:http, url, reason}}
      end
    end
  end

  defp receive_stream(ref, url, part, have, label) do
    receive do
      {:http, {^ref, :stream_start, headers, pid}} ->
        {offset, total} = extent(headers, have)
        {:ok, file} = File.open(part, [:binary, :write, :read])

        try do
          {:ok, _} = :file.position(file, offset)
          :ok = :file.truncate(file)
          bar = AtomVM.Progress.new(label, total)
          :httpc.stream_next(pid)
          stream(ref, pid, file, url, offset, total, AtomVM.Progress.update(bar, offset))
        after
          File.close(file)
        end

      {:http, {^ref, {{_, status, reason}, _headers, _body}}} ->
        {:error, {:http_status, url, status, reason}}

      {:http, {^ref, {:error, reason}}} ->
        {:error, {:http, url, reason}}
    after
      @timeout ->
        :httpc.cancel_request(ref)
        {:error, {:http, url, :timeout}}
    end
  end

  # Where the body starts in the file and the file's full size: a 206 continues at
  # `have`; a 200 (the server ignored the range) starts over.
  defp extent(headers, have) do
    length = header_integer(headers, ~c"content-length")

    case List.keyfind(headers, ~c"content-range", 0) do
      {_, value} when have > 0 ->
        total =
          case Regex.run(~r/\/(\d+)$/, to_string(value)) do
            [_, n] -> String.to_integer(n)
            nil -> length && have + length
          end

        {have, total}

      _ ->
        {0, length}
    end
  end

  defp header_integer(headers, name) do
    case List.keyfind(headers, name, 0) do
      {_, value} ->
        case Integer.parse(to_string(value)) do
          {n, ""} -> n
          _ -> nil
        end

      nil ->
        nil
    end
  end

  defp stream(ref, pid, file, url, size, total, bar) do
    receive do
      {:http, {^ref, :stream, chunk}} ->
        :ok = IO.binwrite(file, chunk)
        size = size + byte_size(chunk)
        :httpc.stream_next(pid)
        stream(ref, pid, file, url, size, total, AtomVM.Progress.update(bar, size))

      {:http, {^ref, :stream_end, _headers}} ->
        AtomVM.Progress.finish(bar, size)

        if total && size != total,
          do: {:error, {:truncated, url, size, total}},
          else: {:ok, size}

      {:http, {^ref, {:error, reason}}} ->
        AtomVM.Progress.finish(bar, size)
        {:error, {:interrupted, url, size, reason}}
    after
      @timeout ->
        :httpc.cancel_request(ref)
        {:error, {:interrupted, url, size, :timeout}}
    end
  end

  defp headers(extra), do: [{~c"user-agent", ~c"atomvm_mix"} | extra]

  defp http_options("https:" <> _) do
    [
      timeout: @timeout,
      connect_timeout: 15_000,
      autoredirect: true,
      ssl: [
        verify: :verify_peer,
        cacerts: :public_key.cacerts_get(),
        depth: 5,
        customize_hostname_check: [
          match_fun: :public_key.pkix_verify_hostname_match_fun(:https)
        ]
      ]
    ]
  end

  defp http_options(_), do: [timeout: @timeout, connect_timeout: 15_000, autoredirect: true]

  defp start_apps do
    with {:ok, _} <- Application.ensure_all_started(:inets),
         {:ok, _} <- Application.ensure_all_started(:ssl) do
      :ok
    else
      {:error, reason} -> {:error, {:http_client, reason}}
    end
  end
end
