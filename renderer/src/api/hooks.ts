import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../main/core/api/contract';
import { ApiError, invoke, onEvent } from './client';

/** Server state for the whole UI goes through these hooks; React state is for UI only. */
export function useApi<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => invoke(method, input),
    ...options,
  });
}

export function useApiMutation<M extends MethodName>(method: M, invalidates: MethodName[] = []) {
  const qc = useQueryClient();
  return useMutation<OutputOf<M>, ApiError, InputOf<M>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => {
      for (const m of invalidates) void qc.invalidateQueries({ queryKey: [m] });
    },
  });
}

/** Refetches everything when the core says the workspace changed. */
export function useWorkspaceEvents(): void {
  const qc = useQueryClient();
  useEffect(() => onEvent('workspace.changed', () => void qc.invalidateQueries()), [qc]);
}
