import type { StatusMove } from "./status-moves";
import { primaryButtonClass, secondaryButtonClass } from "./form-styles";

/**
 * One button per allowed move. "Send to review" stays visible but disabled while review blockers remain;
 * the blockers (linked with aria-describedby) say what is missing.
 */
export function StatusMoveButtons({
  moves,
  blocked,
  blockersId,
  pending,
  onMove,
  autoFocusFirst = false,
}: {
  moves: readonly StatusMove[];
  blocked: boolean;
  blockersId: string;
  pending: boolean;
  onMove: (move: StatusMove) => void;
  autoFocusFirst?: boolean;
}) {
  if (moves.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {moves.map((move, index) => {
        const isBlocked = move.to === "in_review" && blocked;
        return (
          <button
            key={move.to}
            type="button"
            disabled={pending || isBlocked}
            aria-describedby={isBlocked ? blockersId : undefined}
            title={move.hint}
            data-autofocus={autoFocusFirst && index === 0 ? true : undefined}
            onClick={() => onMove(move)}
            className={move.forward ? primaryButtonClass : secondaryButtonClass}
          >
            {move.label}
          </button>
        );
      })}
    </div>
  );
}
