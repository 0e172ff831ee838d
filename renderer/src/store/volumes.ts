// SD cards the desktop host saw appear (best effort, platform permitting): offered on the Import view.
import { create } from 'zustand';

export interface Volume {
  path: string;
  label: string | null;
}

interface VolumesState {
  volumes: Volume[];
  add: (v: Volume) => void;
  dismiss: (path: string) => void;
}

export const useVolumes = create<VolumesState>((set, get) => ({
  volumes: [],
  add: (v) => set({ volumes: [...get().volumes.filter((x) => x.path !== v.path), v] }),
  dismiss: (path) => set({ volumes: get().volumes.filter((x) => x.path !== path) }),
}));
