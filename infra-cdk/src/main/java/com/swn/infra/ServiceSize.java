package com.swn.infra;

import java.util.Map;

/**
 * Fargate size and task-count bounds of one service.
 *
 * @param cpu CPU units (256 = 0.25 vCPU)
 * @param memoryMiB memory; must be a combination Fargate offers for {@code cpu}
 * @param minTasks lower bound of autoscaling and the count a deployment starts with
 * @param maxTasks upper bound of autoscaling
 */
public record ServiceSize(int cpu, int memoryMiB, int minTasks, int maxTasks) {

  /** Smallest and largest memory (MiB) Fargate accepts for each CPU size. */
  private static final Map<Integer, int[]> MEMORY_RANGE =
      Map.of(
          256, new int[] {512, 2048},
          512, new int[] {1024, 4096},
          1024, new int[] {2048, 8192},
          2048, new int[] {4096, 16384},
          4096, new int[] {8192, 30720});

  public ServiceSize {
    int[] range = MEMORY_RANGE.get(cpu);
    if (range == null) {
      throw new InvalidConfigException("cpu must be one of 256, 512, 1024, 2048, 4096, was " + cpu);
    }
    if (memoryMiB < range[0] || memoryMiB > range[1] || memoryMiB % 1024 != 0 && memoryMiB != 512) {
      throw new InvalidConfigException(
          "memory "
              + memoryMiB
              + " MiB is not offered by Fargate for cpu "
              + cpu
              + " ("
              + range[0]
              + ".."
              + range[1]
              + " MiB in 1 GiB steps)");
    }
    if (minTasks < 1 || maxTasks < minTasks || maxTasks > 50) {
      throw new InvalidConfigException(
          "tasks must satisfy 1 <= minTasks <= maxTasks <= 50, was " + minTasks + ".." + maxTasks);
    }
  }
}
