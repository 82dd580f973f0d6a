// The expert area: the queue of assigned applications and the review of one of them.
import { Route, Routes } from 'react-router';
import { QueuePage } from './queue';
import { ReviewPage } from './review-page';

export default function ExpertArea() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path="assignments/:id" element={<ReviewPage />} />
    </Routes>
  );
}
