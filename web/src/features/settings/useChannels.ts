import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import type { Channel, ChannelInput, ChannelTestResult } from "./settingsTypes";

const CHANNELS_KEY = ["settings", "channels"] as const;

export function useChannels() {
  return useQuery({
    queryKey: CHANNELS_KEY,
    queryFn: ({ signal }) => apiClient.get<Channel[]>("/api/settings/channels", undefined, signal),
  });
}

export function useSaveChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channelId, input }: { channelId?: string; input: ChannelInput }) =>
      channelId
        ? apiClient.put<Channel>(`/api/settings/channels/${encodeURIComponent(channelId)}`, input)
        : apiClient.post<Channel>("/api/settings/channels", input),
    meta: { toast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHANNELS_KEY }),
  });
}

export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => apiClient.delete(`/api/settings/channels/${encodeURIComponent(channelId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CHANNELS_KEY }),
  });
}

export function useTestChannel() {
  return useMutation({
    mutationFn: (channelId: string) =>
      apiClient.post<ChannelTestResult>(`/api/settings/channels/${encodeURIComponent(channelId)}/test`),
  });
}
