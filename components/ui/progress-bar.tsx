/**
 * A progress bar for long work (imports, exports). `value` of `max`; with `max` 0 (not known
 * yet) it shows an indeterminate stripe. `label` names the work for screen readers.
 */
export function ProgressBar({
  value,
  max,
  label,
  tone = "blue",
}: {
  value: number;
  max: number;
  label: string;
  tone?: "blue" | "green" | "red";
}) {
  const known = max > 0;
  const pct = known ? Math.min(100, Math.max(0, Math.round((value / max) * 100))) : 0;
  const color = tone === "green" ? "bg-green-600" : tone === "red" ? "bg-red-600" : "bg-blue-600";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? value : undefined}
      className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full ${color} transition-[width] duration-500 ${known ? "" : "w-1/3 animate-pulse"}`}
        style={known ? { width: `${pct}%` } : undefined}
      />
    </div>
  );
}
